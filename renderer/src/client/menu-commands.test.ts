import { describe, expect, it, vi } from 'vitest';
import type { ServiceClient } from '../../../service/contract';
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
    openFile: vi.fn(async () => ({ fileName: 'e.json', text: '{}' })),
    saveFile: vi.fn(async () => true),
    programId: () => programId,
    openProgram: vi.fn(),
    showReplay: vi.fn(),
    bumpRevision: vi.fn(),
    notify: vi.fn(),
  };
}

describe('menu commands', () => {
  it('File › New creates and opens a program', async () => {
    const d = deps({ 'programs.create': { id: 'p9' } });
    await runMenuCommand({ type: 'new-program' }, d);
    expect(d.openProgram).toHaveBeenCalledWith('p9');
  });

  it('File › Import imports an event set into the open program and shows the replay view', async () => {
    const d = deps({ 'eventSets.import': { name: 'e', eventCount: 3 } });
    await runMenuCommand({ type: 'import-events' }, d);
    expect(d.calls).toEqual([['eventSets.import', { programId: 'p1', fileName: 'e.json', text: '{}' }]]);
    expect(d.showReplay).toHaveBeenCalled();
  });

  it('shows a refused import and does nothing without an open program', async () => {
    const d = deps({ 'eventSets.import': new Error('e.json is not a valid event set') });
    await runMenuCommand({ type: 'import-events' }, d);
    expect(d.notify).toHaveBeenCalledWith('e.json is not a valid event set', 'error');
    const none = deps({}, null);
    await runMenuCommand({ type: 'export-program' }, none);
    expect(none.calls).toEqual([]);
  });

  it('File › Export saves the program file', async () => {
    const d = deps({ 'programs.export': { fileName: 'x.program.json', text: '{}' } });
    await runMenuCommand({ type: 'export-program' }, d);
    expect(d.saveFile).toHaveBeenCalledWith('x.program.json', '{}');
  });
});
