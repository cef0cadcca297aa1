import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../service/dispatch';
import { fileActions, MAX_NAME_BYTES, safeFileName } from './file-dialogs';

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-files-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function setup(opts: { open?: string[]; save?: string; answers?: Record<string, unknown>; max?: number }) {
  const calls: [string, unknown][] = [];
  const dispatch = vi.fn((channel: string, args: unknown) => {
    calls.push([channel, args]);
    const v = opts.answers?.[channel];
    return Promise.resolve(v instanceof Error ? { ok: false as const, error: { message: v.message } } : { ok: true as const, value: v });
  }) as unknown as Dispatch;
  const saveDefaults: unknown[] = [];
  const dialog = {
    showOpenDialog: vi.fn(() => Promise.resolve({ canceled: !opts.open, filePaths: opts.open ?? [] })),
    showSaveDialog: vi.fn((o: { defaultPath?: string }) => {
      saveDefaults.push(o.defaultPath);
      return Promise.resolve(opts.save ? { canceled: false, filePath: opts.save } : { canceled: true, filePath: '' });
    }),
  };
  const actions = fileActions({ dialog: dialog as never, window: () => null, dispatch, ...(opts.max ? { maxOpenBytes: opts.max } : {}) });
  return { actions, calls, saveDefaults };
}

const write = (name: string, content: string | Buffer): string => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, content);
  return f;
};

describe('file commands in the main process', () => {
  it('imports a picked file with the contract call, its text never leaving main', async () => {
    const f = write('spring.program.json', '{"a":1}');
    const { actions, calls } = setup({ open: [f], answers: { 'programs.import': { id: 'p1' } } });
    expect(await actions.importFile({ kind: 'program' })).toEqual({ ok: true, value: { kind: 'program', fileName: 'spring.program.json', value: { id: 'p1' } } });
    expect(calls).toEqual([['programs.import', { text: '{"a":1}', fileName: 'spring.program.json' }]]);
    const ev = setup({ open: [f], answers: { 'eventSets.import': { id: 'e1' } } });
    expect(await ev.actions.importFile({ kind: 'events', programId: 'p1' })).toMatchObject({ ok: true, value: { kind: 'events', value: { id: 'e1' } } });
    expect(ev.calls[0]).toEqual(['eventSets.import', { programId: 'p1', text: '{"a":1}', fileName: 'spring.program.json' }]);
  });

  it('a cancelled dialog is an ok null; a refusal of the import is its Result', async () => {
    expect(await setup({}).actions.importFile({ kind: 'program' })).toEqual({ ok: true, value: null });
    const f = write('bad.csv', 'key\n');
    expect(await setup({ open: [f], answers: { 'partners.importCsv': new Error('bad.csv line 1: no rows') } }).actions.importFile({ kind: 'partners', programId: 'p1' })).toEqual({ ok: false, error: { message: 'bad.csv line 1: no rows' } });
  });

  it('refuses a too-large, unreadable, missing, non-UTF-8 or non-regular file with a sentence naming it, before any call', async () => {
    const big = write('big.json', 'x'.repeat(2000));
    const latin1 = write('latin1.csv', Buffer.from([0x6b, 0x65, 0x79, 0x0a, 0xe9, 0x0a]));
    const locked = write('locked.json', '{}');
    fs.chmodSync(locked, 0o000);
    const cases: [string, RegExp][] = [
      [big, /^big\.json is larger than 256 MB: split the file/],
      [latin1, /^latin1\.csv is not UTF-8 text/],
      [path.join(dir, 'gone.json'), /^gone\.json cannot be read: it does not exist/],
      [dir, /cannot be opened: it is not a regular file/],
    ];
    // root reads any file: only check the permission case where it applies.
    if (process.getuid?.() !== 0) cases.push([locked, /^locked\.json cannot be read: permission denied/]);
    for (const [file, message] of cases) {
      const { actions, calls } = setup({ open: [file], max: 1000 });
      const r = await actions.importFile({ kind: 'program' });
      expect(r, file).toMatchObject({ ok: false, error: { field: 'file' } });
      expect(!r.ok && r.error.message, file).toMatch(message);
      expect(calls, file).toEqual([]);
    }
  });

  it('exports: the contract call, the save dialog with a safe suggested name, the file written whole', async () => {
    const target = path.join(dir, 'out.program.json');
    const { actions, saveDefaults } = setup({ save: target, answers: { 'programs.export': { fileName: 'spring.program.json', text: '{"x":1}' } } });
    expect(await actions.exportFile({ channel: 'programs.export', args: { programId: 'p1' } })).toEqual({ ok: true, value: { saved: true, fileName: 'out.program.json' } });
    expect(fs.readFileSync(target, 'utf8')).toBe('{"x":1}');
    expect(saveDefaults).toEqual(['spring.program.json']);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Cancelled: nothing written, saved false.
    expect(await setup({ answers: { 'programs.export': { fileName: 'a.json', text: '' } } }).actions.exportFile({ channel: 'programs.export', args: { programId: 'p1' } })).toEqual({ ok: true, value: { saved: false, fileName: 'a.json' } });
  });

  it('a save that cannot be written is a Result naming the file, and leaves no temporary file', async () => {
    const target = path.join(dir, 'no-such-folder', 'out.json');
    const r = await setup({ save: target, answers: { 'programs.export': { fileName: 'a.json', text: '{}' } } }).actions.exportFile({ channel: 'programs.export', args: { programId: 'p1' } });
    expect(r).toMatchObject({ ok: false, error: { message: 'out.json could not be saved: it does not exist (any more)' } });
    const refused = await setup({ save: target, answers: { 'programs.export': new Error('unknown program p9') } }).actions.exportFile({ channel: 'programs.export', args: { programId: 'p9' } });
    expect(refused).toEqual({ ok: false, error: { message: 'unknown program p9' } });
  });

  it('suggests names the file system accepts: over 255 bytes cut with the extension kept, no folders', async () => {
    const long = `${'Ü'.repeat(300)}.program.json`;
    const safe = safeFileName(long);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(safe.endsWith('.json')).toBe(true);
    expect(safe.startsWith('ÜÜ')).toBe(true);
    expect(safeFileName(`${'😀'.repeat(100)}.csv`)).toMatch(/^(😀)+\.csv$/);
    expect(safeFileName('../../etc/passwd')).toBe('..-..-etc-passwd');
    expect(safeFileName('a\u0000b:c.json')).toBe('a_b_c.json');
    expect(safeFileName('')).toBe('export.json');
    // The long suggestion reaches the dialog cut, not as given (which made it do nothing).
    const { actions, saveDefaults } = setup({ answers: { 'programs.export': { fileName: long, text: '{}' } } });
    await actions.exportFile({ channel: 'programs.export', args: { programId: 'p1' } });
    expect(saveDefaults).toEqual([safe]);
  });
});
