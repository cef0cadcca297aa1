/**
 * Merging versions of one PartnerStack object (IMPORTS.md "Reading input", [D 2]): the same key
 * may appear in several pages, files or webhook bodies. Fields come from the latest version by
 * `updated_at`, timing from the earliest; two differing copies that cannot be ordered are invalid.
 */
import { InputError } from '../formats/issues';
import { int, sameJson, text, type Item } from './fields';
import { fail } from './input';

/** One object with all its versions, oldest first. */
export interface Versions {
  readonly id: string;
  readonly versions: readonly Item[];
  readonly latest: Item;
  readonly earliest: Item;
}

/** Groups items by their id field, ordering each object's versions by `updated_at`. */
export function mergeVersions(items: readonly Item[], idOf: (item: Item) => string | null, what: string): Versions[] {
  const byId = new Map<string, Item[]>();
  for (const item of items) {
    const id = idOf(item);
    if (id === null) fail(item, `a ${what} needs a non-empty "key"`);
    const list = byId.get(id);
    if (list) list.push(item);
    else byId.set(id, [item]);
  }
  const out: Versions[] = [];
  for (const [id, list] of byId) {
    const stamped = list.map((item) => ({ item, at: int(item, 'updated_at', 'epoch milliseconds') }));
    stamped.sort((a, b) => (a.at ?? -Infinity) - (b.at ?? -Infinity));
    for (let i = 1; i < stamped.length; i++) {
      const a = stamped[i - 1] as (typeof stamped)[number];
      const b = stamped[i] as (typeof stamped)[number];
      if (a.at === b.at && !sameJson(a.item.o, b.item.o)) {
        throw new InputError(b.item.file, [
          { path: b.item.path, message: `${what} "${id}" differs from its copy in ${a.item.file} at ${a.item.path || '(root)'} and neither has a later updated_at` },
        ]);
      }
    }
    const versions = stamped.map((s) => s.item);
    out.push({ id, versions, latest: versions[versions.length - 1] as Item, earliest: versions[0] as Item });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The PartnerStack id of an item: its `key`. */
export const psKey = (item: Item): string | null => text(item.o, 'key');
