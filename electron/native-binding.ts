/**
 * better-sqlite3 built for Electron's ABI lives apart from node_modules (scripts/rebuild-electron.mjs),
 * so tests and the host keep the Node build. Packaged, it sits unpacked next to the asar.
 */
import fs from 'node:fs';
import path from 'node:path';

export const NATIVE_REL = path.join('native', 'electron', 'better_sqlite3.node');

/** A startup failure with the sentence that tells the person what to do about it. */
export class StartupError extends Error {
  constructor(
    message: string,
    /** What to do, e.g. "Run npm run rebuild:electron". */
    readonly advice: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}

/** What to do about a broken or missing native build, packaged or from a checkout. */
export function nativeAdvice(packaged: boolean): string {
  return packaged
    ? 'The installation is damaged: reinstall Offerflow.'
    : 'Build it for Electron with `npm run rebuild:electron` (needs network for Electron\'s headers or prebuilds), then start again.';
}

/**
 * The Electron build of better-sqlite3. Never the Node build in node_modules: that one is
 * compiled for another ABI, and falling back to it would only move the failure somewhere less
 * clear. Missing → a StartupError naming the places looked at.
 */
export function electronNativeBinding(appRoot: string, resourcesPath: string | undefined, packaged: boolean, exists: (p: string) => boolean = fs.existsSync): string {
  const candidates = packaged && resourcesPath ? [path.join(resourcesPath, 'app.asar.unpacked', NATIVE_REL)] : [path.join(appRoot, NATIVE_REL)];
  const found = candidates.find(exists);
  if (found) return found;
  throw new StartupError(`The Electron build of the database module (better-sqlite3) is missing: looked for ${candidates.join(', ')}.`, nativeAdvice(packaged));
}

/** The path of a file that electron-builder unpacked next to the asar (see asarUnpack). */
export function unpackedPath(file: string): string {
  const marker = `${path.sep}app.asar${path.sep}`;
  return file.includes(marker) ? file.replace(marker, `${path.sep}app.asar.unpacked${path.sep}`) : file;
}
