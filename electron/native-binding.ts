/**
 * better-sqlite3 built for Electron's ABI lives apart from node_modules (scripts/rebuild-electron.mjs),
 * so tests and the host keep the Node build. Packaged, it sits unpacked next to the asar.
 */
import fs from 'node:fs';
import path from 'node:path';

export const NATIVE_REL = path.join('native', 'electron', 'better_sqlite3.node');

/** The Electron build of better-sqlite3, or undefined to use the one in node_modules. */
export function electronNativeBinding(appRoot: string, resourcesPath?: string, exists: (p: string) => boolean = fs.existsSync): string | undefined {
  const candidates = [
    resourcesPath ? path.join(resourcesPath, 'app.asar.unpacked', NATIVE_REL) : null,
    path.join(appRoot, NATIVE_REL),
  ].filter((p): p is string => p !== null);
  return candidates.find(exists);
}

/** The path of a file that electron-builder unpacked next to the asar (see asarUnpack). */
export function unpackedPath(file: string): string {
  const marker = `${path.sep}app.asar${path.sep}`;
  return file.includes(marker) ? file.replace(marker, `${path.sep}app.asar.unpacked${path.sep}`) : file;
}
