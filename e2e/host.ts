/**
 * Starts the real local host (`service/host/main.ts` through tsx) on a free port with a data
 * folder, and reads the one URL line it prints. Used by the fixture and by scripts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns the host and resolves with its URL once it prints it. */
export function launchHost(dataDir: string, opts: { build?: boolean; timeoutMs?: number; port?: number; args?: readonly string[] } = {}): Promise<RunningHost> {
  const args = ['--import', 'tsx', path.join(ROOT, 'service/host/main.ts'), '--port', String(opts.port ?? 0), '--data-dir', dataDir, ...(opts.args ?? [])];
  if (opts.build === false) args.push('--no-build');
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start in time:\n${stderr}`)), opts.timeoutMs ?? 120_000);
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (!m?.[1]) return;
      clearTimeout(timer);
      const url = m[1];
      const u = new URL(url);
      resolve({
        url,
        origin: u.origin,
        token: u.searchParams.get('token') ?? '',
        process: child,
        stop: () =>
          new Promise((r) => {
            if (child.exitCode !== null) return r();
            child.once('exit', () => r());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}) before printing its URL:\n${stderr}`));
    });
  });
}
