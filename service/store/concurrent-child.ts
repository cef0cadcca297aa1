/**
 * One of two writers in the concurrency test (concurrency.test.ts): a full service on a data
 * folder another process is writing to at the same moment, as when the desktop app and the
 * local host (or two hosts) share a folder. Prints one line per committed change, and
 * `error <message>` for a refused one.
 *
 * Run as: node --import tsx service/store/concurrent-child.ts <data-dir> <name> <count> <programId | ->
 */
import fs from 'node:fs';
import { createService } from '../service';

const [dataDir, name, countText, programId] = process.argv.slice(2);
if (!dataDir || !name || !countText || !programId) throw new Error('usage: concurrent-child.ts <data-dir> <name> <count> <programId>');
const say = (line: string): void => void fs.writeSync(1, `${line}\n`);

async function main(service: ReturnType<typeof createService>, count: number, pid: string, me: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const steps: [string, () => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>, (v: unknown) => string][] = [
      ['program', () => service.dispatch('programs.create', { name: `${me}-${i}` }), (v) => `program ${(v as { id: string }).id}`],
      ['partner', () => service.dispatch('partners.upsert', { programId: pid, partner: { key: `${me}-${i}`, name: me, group: 'bronze', tier: null, tags: [], joinedAt: '2026-01-02T09:00:00Z' } }), () => `partner ${me}-${i}`],
      ['trigger', async () => {
        const doc = await service.dispatch('programs.get', { programId: pid });
        if (!doc.ok) return doc;
        const current = (doc.value as { program: { triggers: { id: string }[] } }).program.triggers.find((t) => t.id === 'bronze-offer');
        return service.dispatch('triggers.update', { programId: pid, triggerId: 'bronze-offer', trigger: { ...current, name: `${me} ${i}` } });
      }, (v) => `version ${(v as { version: number }).version}`],
    ];
    // programId "-": only programs (the folder was empty when both processes started).
    for (const [, run, line] of pid === '-' ? steps.slice(0, 1) : steps) {
      const r = await run();
      say(r.ok ? line(r.value) : `error ${r.error?.message ?? '?'}`);
    }
  }
}

const service = createService({ dataDir });
main(service, Number(countText), programId, name)
  .then(() => service.close())
  .catch((e: unknown) => {
    process.stderr.write(`concurrent-child: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(2);
  });
