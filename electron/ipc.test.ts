import { describe, expect, it, vi } from 'vitest';
import { IPC } from '../service/bridge';
import { registerIpc } from './ipc';
import { electronNativeBinding, StartupError, unpackedPath } from './native-binding';

type Handler = (event: { ok: boolean }, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Handler>();
  const dispatch = vi.fn((channel: string) => Promise.resolve({ ok: true as const, value: channel }));
  const openFile = vi.fn(() => Promise.resolve({ ok: true as const, value: null }));
  const saveFile = vi.fn(() => Promise.resolve({ ok: true as const, value: { saved: true, fileName: 'a.json' } }));
  registerIpc({ ipcMain: { handle: (ch: string, h: Handler) => handlers.set(ch, h) } as never, dispatch, trusted: (e) => (e as unknown as { ok: boolean }).ok, importFile: openFile, exportFile: saveFile });
  return { handlers, dispatch, openFile, saveFile };
}

describe('IPC handlers', () => {
  it('dispatches a trusted call', async () => {
    const { handlers, dispatch } = setup();
    expect(await handlers.get(IPC.call)?.({ ok: true }, 'programs.list', {})).toEqual({ ok: true, value: 'programs.list' });
    expect(dispatch).toHaveBeenCalledWith('programs.list', {});
  });

  it('refuses untrusted senders without calling anything', async () => {
    const { handlers, dispatch, openFile, saveFile } = setup();
    expect(await handlers.get(IPC.call)?.({ ok: false }, 'programs.list', {})).toMatchObject({ ok: false });
    expect(await handlers.get(IPC.importFile)?.({ ok: false }, { kind: 'program' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/refused/) as string } });
    expect(await handlers.get(IPC.exportFile)?.({ ok: false }, { channel: 'programs.export', args: { programId: 'p1' } })).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
    expect(openFile).not.toHaveBeenCalled();
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('parses every argument', async () => {
    const { handlers, dispatch, openFile, saveFile } = setup();
    expect(await handlers.get(IPC.call)?.({ ok: true }, 42)).toMatchObject({ ok: false });
    expect(await handlers.get(IPC.importFile)?.({ ok: true }, '/etc/passwd')).toMatchObject({ ok: false });
    expect(await handlers.get(IPC.importFile)?.({ ok: true }, { kind: 'events' })).toMatchObject({ ok: false });
    expect(await handlers.get(IPC.exportFile)?.({ ok: true }, { channel: 'programs.delete', args: { programId: 'p1' } })).toMatchObject({ ok: false });
    expect(await handlers.get(IPC.exportFile)?.({ ok: true }, '', 'x')).toMatchObject({ ok: false });
    expect(dispatch).not.toHaveBeenCalled();
    expect(openFile).not.toHaveBeenCalled();
    expect(saveFile).not.toHaveBeenCalled();
  });

  it('passes a well-formed file command on', async () => {
    const { handlers, openFile, saveFile } = setup();
    expect(await handlers.get(IPC.importFile)?.({ ok: true }, { kind: 'events', programId: 'p1' })).toEqual({ ok: true, value: null });
    expect(openFile).toHaveBeenCalledWith({ kind: 'events', programId: 'p1' });
    expect(await handlers.get(IPC.exportFile)?.({ ok: true }, { channel: 'programs.export', args: { programId: 'p1' } })).toMatchObject({ ok: true });
    expect(saveFile).toHaveBeenCalledWith({ channel: 'programs.export', args: { programId: 'p1' } });
  });
});

describe('native binding', () => {
  it('uses the unpacked Electron build when packaged, the checkout\'s otherwise, and never falls back to the Node build', () => {
    const have = new Set(['/res/app.asar.unpacked/native/electron/better_sqlite3.node', '/repo/native/electron/better_sqlite3.node']);
    expect(electronNativeBinding('/res/app.asar', '/res', true, (p) => have.has(p))).toBe('/res/app.asar.unpacked/native/electron/better_sqlite3.node');
    expect(electronNativeBinding('/repo', '/electron/resources', false, (p) => have.has(p))).toBe('/repo/native/electron/better_sqlite3.node');
    expect(() => electronNativeBinding('/x', '/y', true, () => false)).toThrow(StartupError);
    expect(() => electronNativeBinding('/x', '/y', false, () => false)).toThrow(/missing: looked for \/x\/native\/electron\/better_sqlite3\.node/);
    try {
      electronNativeBinding('/x', '/y', false, () => false);
    } catch (e) {
      expect((e as StartupError).advice).toMatch(/npm run rebuild:electron/);
    }
  });

  it('points at the unpacked copy of a file packed in the asar', () => {
    expect(unpackedPath('/opt/Offerflow/resources/app.asar/dist/electron/replay-worker.cjs')).toBe('/opt/Offerflow/resources/app.asar.unpacked/dist/electron/replay-worker.cjs');
    expect(unpackedPath('/repo/dist/electron/replay-worker.cjs')).toBe('/repo/dist/electron/replay-worker.cjs');
  });
});
