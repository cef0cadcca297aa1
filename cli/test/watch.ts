/**
 * `offerflow test --watch`: reruns when a program, an event set or an expectations file
 * changes. Watches folders (recursively for set folders, the parent folder for named files)
 * because editors often save by writing a new file and renaming it over the old one, which
 * ends a watch on the file itself.
 */
import { watch, statSync, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { expectationsPathOf } from './discover';

/** Changes closer together than this make one rerun (an editor's save is several events). */
const SETTLE_MS = 150;
const RELEVANT = /\.(json|jsonl|ndjson|csv)$/i;
/** Temporary files of atomic writes (ours and editors') are not changes yet. */
const TEMPORARY = /\.tmp-|~$|\.swp$/;

export interface Watcher {
  close(): void;
}

/** Calls `rerun` after changes to `paths` settle; returns a handle that stops watching. */
export function watchPaths(paths: readonly string[], rerun: () => void): Watcher {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | null = null;
  const changed = (name: string | null): void => {
    if (name !== null && (!RELEVANT.test(name) || TEMPORARY.test(name))) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      rerun();
    }, SETTLE_MS);
  };
  const files = new Map<string, Set<string>>();
  for (const p of paths) {
    const abs = resolve(p);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      /* a path that does not exist yet: watch its folder for it */
    }
    if (isDir) watchers.push(watch(abs, { recursive: true }, (_e, name) => changed(name)));
    else {
      const dir = dirname(abs);
      const names = files.get(dir) ?? new Set<string>();
      names.add(basename(abs));
      // A CSV set's expectations file sits beside it and counts as the set.
      if (/\.csv$/i.test(abs)) names.add(basename(expectationsPathOf(abs)));
      files.set(dir, names);
    }
  }
  for (const [dir, names] of files) {
    watchers.push(watch(dir, (_e, name) => (name === null || names.has(name) ? changed(name) : undefined)));
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
