/**
 * A set of strings for the replay's duplicate checks (every transaction and action key ever
 * seen: hundreds of thousands). Open addressing over a typed array of 32-bit hashes: adding a
 * new key touches one slot of the hash array and reads a stored key only when its hash matches,
 * where a `Set<string>` walks a bucket chain and compares the stored strings (several cache
 * misses per key once the set outgrows the cache).
 */

const EMPTY = 0;
const DELETED = 1;

/** FNV-1a over UTF-16 code units, moved off the two marker values. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h |= 0;
  return h === EMPTY || h === DELETED ? h + 2 : h;
}

export class KeySet {
  private hashes = new Int32Array(1024);
  private keys: (string | undefined)[] = new Array<string | undefined>(1024);
  private mask = 1023;
  /** Keys held. */
  size = 0;
  /** Slots holding a key or a deletion marker (they lengthen probes until the next rebuild). */
  private used = 0;

  /** Adds `key`; false when it was already there. */
  add(key: string): boolean {
    const h = hashOf(key);
    const hashes = this.hashes;
    let i = h & this.mask;
    let free = -1;
    for (;;) {
      const s = hashes[i] as number;
      if (s === EMPTY) break;
      if (s === DELETED) {
        if (free < 0) free = i;
      } else if (s === h && this.keys[i] === key) return false;
      i = (i + 1) & this.mask;
    }
    if (free < 0) {
      free = i;
      this.used++;
    }
    hashes[free] = h;
    this.keys[free] = key;
    this.size++;
    if (this.used * 2 > this.mask) this.rebuild(this.size * 4 > this.mask ? (this.mask + 1) * 2 : this.mask + 1);
    return true;
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** Removes `key` (the cascade-loop rollback); false when it was not there. */
  delete(key: string): boolean {
    const i = this.find(key);
    if (i < 0) return false;
    this.hashes[i] = DELETED;
    this.keys[i] = undefined;
    this.size--;
    return true;
  }

  private find(key: string): number {
    const h = hashOf(key);
    const hashes = this.hashes;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const s = hashes[i] as number;
      if (s === EMPTY) return -1;
      if (s === h && this.keys[i] === key) return i;
    }
  }

  /** Re-inserts every key into `capacity` slots (a power of two), dropping deletion markers. */
  private rebuild(capacity: number): void {
    const oldHashes = this.hashes;
    const oldKeys = this.keys;
    this.hashes = new Int32Array(capacity);
    this.keys = new Array<string | undefined>(capacity);
    this.mask = capacity - 1;
    this.used = this.size;
    for (let j = 0; j < oldHashes.length; j++) {
      const h = oldHashes[j] as number;
      if (h === EMPTY || h === DELETED) continue;
      let i = h & this.mask;
      while (this.hashes[i] !== EMPTY) i = (i + 1) & this.mask;
      this.hashes[i] = h;
      this.keys[i] = oldKeys[j];
    }
  }
}
