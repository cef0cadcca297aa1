/**
 * Reports byte-identical before and after each performance change: every sample and spec
 * example, with and without a full trace, hashed and compared with the hashes recorded before
 * the change (`scripts/samples/pinned-reports.ts` records them; do so only for an intended
 * change of behaviour, and say so in the commit).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PINNED_FILE, pinnedHashes } from '../../scripts/samples/pinned-reports';

describe('pinned reports', () => {
  const recorded = JSON.parse(readFileSync(PINNED_FILE, 'utf8')) as Record<string, string>;
  const now = pinnedHashes();

  it('cover every sample and spec example, plain and traced', () => {
    expect(Object.keys(now).sort()).toEqual(Object.keys(recorded).sort());
    expect(Object.keys(now).filter((k) => k.startsWith('spec-examples/')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(Object.keys(recorded))('%s is byte-identical to the recorded report', (name) => {
    expect(now[name]).toBe(recorded[name]);
  });
});
