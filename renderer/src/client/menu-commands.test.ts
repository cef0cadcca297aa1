import { describe, expect, it, vi } from 'vitest';
import type { ImportRequest } from '@service/bridge';
import type { ServiceClient } from '@service/contract';
import { runMenuCommand, type MenuDeps } from './menu-commands';

function deps(answers: Record<string, unknown>, programId: string | null = 'p1'): MenuDeps & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  const client = {
    send: async (channel: string, args: unknown) => {
      calls.push([channel, args]);
      const v = answers[channel];
      return v instanceof Error ? { ok: false, error: { message: v.message } } : { ok: true, value: v };
    },
  } as unknown as ServiceClient;
  return {
    calls,
    client,
    // The main process reads the file and makes the import call (electron/file-dialogs.ts).
    importFile: vi.fn(async (request: ImportRequest) => {
      if (request.kind === 'program') return { ok: true as const, value: { kind: 'program' as const, fileName: 'p.json', value: answers['programs.import'] as never } };
      const r = await client.send('eventSets.import', { programId: (request as { programId: string }).programId, fileName: 'e.json', text: '{}' });
      return r.ok ? { ok: true as const, value: { kind: 'events' as const, fileName: 'e.json', value: r.value as never } } : r;
    }),
    exportFile: vi.fn(async () => ({ ok: true as const, value: { saved: true, fileName: 'x.program.json' } })),
    programId: () => programId,
    openProgram: vi.fn(),
    showReplay: vi.fn(),
    changed: vi.fn(),
    notify: vi.fn(),
  };
}

describe('menu commands', () => {
  it('File › New creates and opens a program', async () => {
    const d = deps({ 'programs.create': { id: 'p9' } });
    await runMenuCommand({ type: 'new-program' }, d);
    expect(d.openProgram).toHaveBeenCalledWith('p9');
    // The program list is stale now: the views showing it fetch it again.
    expect(d.changed).toHaveBeenCalledWith('program');
  });

  it('File › Import imports an event set into the open program and shows the replay view', async () => {
    const d = deps({ 'eventSets.import': { name: 'e', eventCount: 3 } });
    await runMenuCommand({ type: 'import-events' }, d);
    expect(d.calls).toEqual([['eventSets.import', { programId: 'p1', fileName: 'e.json', text: '{}' }]]);
    expect(d.showReplay).toHaveBeenCalled();
    expect(d.changed).toHaveBeenCalledWith('eventSets');
  });

  it('a refused program file lists every problem, each by its JSON path', async () => {
    const d = deps({});
    const issues = [
      { path: 'partners[0].group', message: 'group "x" is not defined in the program' },
      { path: 'triggers[1].name', message: 'must not be empty' },
    ];
    d.importFile = vi.fn(async () => ({ ok: false as const, error: { message: 'p.json is not a valid program: partners[0].group … (and 1 more problem)', issues } }));
    await runMenuCommand({ type: 'open-program-file' }, d);
    expect(d.notify).toHaveBeenCalledWith('p.json is not a valid program: partners[0].group … (and 1 more problem)', 'error', issues);
    expect(d.openProgram).not.toHaveBeenCalled();
  });

  it('shows a refused import and does nothing without an open program', async () => {
    const d = deps({ 'eventSets.import': new Error('e.json is not a valid event set') });
    await runMenuCommand({ type: 'import-events' }, d);
    expect(d.notify).toHaveBeenCalledWith('e.json is not a valid event set', 'error');
    expect(d.changed).not.toHaveBeenCalled();
    const none = deps({}, null);
    await runMenuCommand({ type: 'export-program' }, none);
    expect(none.calls).toEqual([]);
  });

  it('File › Export saves the program file', async () => {
    const d = deps({ 'programs.export': { fileName: 'x.program.json', text: '{}' } });
    await runMenuCommand({ type: 'export-program' }, d);
    expect(d.exportFile).toHaveBeenCalledWith({ channel: 'programs.export', args: { programId: 'p1' } });
    expect(d.notify).toHaveBeenCalledWith('Saved x.program.json');
  });

  it('File › Open Program File imports and opens it; a refusal is shown, a cancel does nothing', async () => {
    const d = deps({ 'programs.import': { id: 'p7', program: { name: 'Spring' } } });
    await runMenuCommand({ type: 'open-program-file' }, d);
    expect(d.openProgram).toHaveBeenCalledWith('p7');
    expect(d.notify).toHaveBeenCalledWith('Imported “Spring”');
    const refused = deps({});
    refused.importFile = vi.fn(async () => ({ ok: false as const, error: { message: 'big.json is larger than 256 MB', field: 'file' } }));
    await runMenuCommand({ type: 'open-program-file' }, refused);
    expect(refused.notify).toHaveBeenCalledWith('big.json is larger than 256 MB', 'error');
    const cancelled = deps({});
    cancelled.importFile = vi.fn(async () => ({ ok: true as const, value: null }));
    await runMenuCommand({ type: 'open-program-file' }, cancelled);
    expect(cancelled.notify).not.toHaveBeenCalled();
    expect(cancelled.openProgram).not.toHaveBeenCalled();
  });

  it('shows a failed save', async () => {
    const d = deps({});
    d.exportFile = vi.fn(async () => ({ ok: false as const, error: { message: 'x.program.json could not be saved: the disk is full' } }));
    await runMenuCommand({ type: 'export-program' }, d);
    expect(d.notify).toHaveBeenCalledWith('x.program.json could not be saved: the disk is full', 'error');
  });
});
