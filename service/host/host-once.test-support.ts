/** Test support: runs the source host until it prints its URL (then stops it) or exits on its own. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const main = path.join(__dirname, 'main.ts');

export type HostOnceResult = { code: number | null; stdout: string; stderr: string };

export function hostOnce(dataDir: string, ...extra: string[]): Promise<HostOnceResult> {
  return hostOnceAs(undefined, dataDir, ...extra);
}

/**
 * The same, run as the user `uid` (and its group) when given: root ignores file permissions, so a
 * read-only folder is only read-only to the host when the host is not root.
 */
export function hostOnceAs(uid: number | undefined, dataDir: string, ...extra: string[]): Promise<HostOnceResult> {
  return new Promise((resolve, reject) => {
    const as = uid === undefined ? {} : { uid, gid: uid, env: { ...process.env, HOME: dataDir } };
    const p = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--no-build', '--data-dir', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'], ...as });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      if (stdout.includes('\n')) p.kill('SIGTERM');
    });
    p.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    p.on('error', reject);
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
