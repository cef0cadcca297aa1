/** Test support: runs the source host until it prints its URL (then stops it) or exits on its own. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const main = path.join(__dirname, 'main.ts');

export function hostOnce(dataDir: string, ...extra: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--no-build', '--data-dir', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
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
