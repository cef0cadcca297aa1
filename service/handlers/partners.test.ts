import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { example, testService, type TestService } from '../test-helpers';

let s: TestService;
beforeEach(() => {
  s = testService();
});
afterEach(async () => s.dispose());

const HEAD = 'key,name,group,tier,tags,joinedAt\n';

describe('partners CSV import problems', () => {
  it('names the CSV line and column of a partner the program refuses (unknown group, tag), not partners[i]', async () => {
    const doc = await s.call('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' });
    const before = (await s.call('programs.get', { programId: doc.id })).program.partners;
    const groups = (await s.call('programs.get', { programId: doc.id })).program.groups.map((g) => g.key);
    const csv = `${HEAD}ok1,Ok,${groups[0]},,,2026-01-03T00:00:00Z\nbad1,Bad,nogroup,,,2026-01-03T00:00:00Z\nbad2,Bad,,,notatag,2026-01-03T00:00:00Z\n`;
    const r = await s.dispatch('partners.importCsv', { programId: doc.id, text: csv, fileName: 'team.csv' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues?.map((i) => i.path)).toEqual(['line 3, column group', 'line 4, column tags']);
    expect(r.error.issues?.[0]?.message).toBe('group "nogroup" is not defined in the program');
    expect(r.error.message).toMatch(/^team\.csv would make the program invalid: line 3, column group /);
    // Nothing stored, not even the good first row.
    expect((await s.call('programs.get', { programId: doc.id })).program.partners).toEqual(before);
  });

  it('refuses two rows for one key, naming both lines', async () => {
    const doc = await s.call('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' });
    const csv = `${HEAD}zed,Zed,,,,2026-01-03T00:00:00Z\namy,Amy,,,,2026-01-03T00:00:00Z\nzed,Zed again,,,,2026-01-03T00:00:00Z\n`;
    const r = await s.dispatch('partners.importCsv', { programId: doc.id, text: csv, fileName: 'team.csv' });
    expect(r.ok ? null : r.error.issues).toEqual([{ path: 'line 4, column key', message: 'partner "zed" is already on line 2' }]);
  });

  it('lists every bad row of a file, each by line and column', async () => {
    const doc = await s.call('programs.import', { text: example('seed-order-recommended.program.json'), fileName: 'p.json' });
    const csv = `${HEAD}a,A,,,,yesterday\nb,B,,,,2026-01-03T00:00:00Z\nc,C,,,,tomorrow\n`;
    const r = await s.dispatch('partners.importCsv', { programId: doc.id, text: csv, fileName: 'team.csv' });
    expect(r.ok ? null : r.error.issues?.map((i) => i.path)).toEqual(['line 2, column joinedAt', 'line 4, column joinedAt']);
  });
});

describe('program import problems', () => {
  type File = { partners: { group: string | null; tags: string[] }[]; triggers: { name: string; event: string }[] };
  const file = () => JSON.parse(example('seed-and-or.program.json')) as File;

  it('lists every reference problem of the file, each with its JSON path', async () => {
    const program = file();
    program.partners[0]!.group = 'nogroup';
    program.partners[1]!.tags = ['notatag'];
    const r = await s.dispatch('programs.import', { text: JSON.stringify(program), fileName: 'two.json' });
    expect(r.ok ? null : r.error.issues?.map((i) => i.path)).toEqual(['partners[0].group', 'partners[1].tags[0]']);
  });

  it('lists every shape problem of the file, each with its JSON path', async () => {
    const program = file();
    program.triggers[0]!.event = 'sale.made';
    program.partners[1]!.tags = [''];
    const r = await s.dispatch('programs.import', { text: JSON.stringify(program), fileName: 'two.json' });
    const paths = r.ok ? [] : (r.error.issues ?? []).map((i) => i.path);
    expect(paths).toContain('triggers[0].event');
    expect(paths).toContain('partners[1].tags[0]');
  });
});
