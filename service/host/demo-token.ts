/**
 * The demo token (`npm run serve -- --demo`): customer-success staff keep one URL for a browser
 * demo, so the host's token is kept in the data folder and reused at the next start instead of
 * a new random one per launch. The file is the user's alone (mode 0600): anyone who can read it
 * can call the host.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The token file's name inside the data folder. */
export const DEMO_TOKEN_FILE = 'demo-token';

/** A token as the host makes them: 24 random bytes, base64url (32 characters). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The token kept in `<dataDir>/demo-token`, created (mode 0600, never over an existing file) when
 * missing. A file that does not hold a token is refused with its path, never overwritten: it may
 * be someone's. A kept file readable by others is narrowed to 0600 and named in `warnings`.
 */
export function demoToken(dataDir: string): { token: string; file: string; created: boolean; warnings: string[] } {
  const file = path.join(dataDir, DEMO_TOKEN_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  const warnings: string[] = [];
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the demo token ${file}: ${(e as Error).message}`, { cause: e });
    const token = newToken();
    // wx: if another start created it meanwhile, fail instead of replacing its token.
    fs.writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
    return { token, file, created: true, warnings };
  }
  const token = text.trim();
  if (!TOKEN_SHAPE.test(token)) throw new Error(`${file} does not hold a demo token (32–128 letters, digits, - or _); delete it to make a new one`);
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) {
    fs.chmodSync(file, 0o600);
    warnings.push(`${file} was readable by other users; it is now 0600`);
  }
  return { token, file, created: false, warnings };
}
