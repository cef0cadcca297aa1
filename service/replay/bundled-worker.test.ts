import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createService } from '../service';
import { bundledSpawner } from './spawn';
import { example } from '../test-helpers';
import os from 'node:os';

const BUNDLE = path.resolve(__dirname, '../../dist/electron/replay-worker.cjs');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the bundled replay worker (the Electron build)', () => {
  // `npm test` builds first; a missing bundle is a failure to read, never a silent skip.
  it('is built (npm run build makes dist/electron/replay-worker.cjs)', () => {
    expect(fs.existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build`).toBe(true);
  });

  it('replays a sample like the source worker', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-bundle-'));
    dirs.push(dir);
    const s = createService({ dataDir: dir, spawn: bundledSpawner(BUNDLE) });
    try {
      const p = await s.handlers['programs.import']({ text: example('seed-order-recommended.program.json'), fileName: 'p.json' });
      const e = await s.handlers['eventSets.import']({ programId: p.id, text: example('seed-order-recommended.events.json'), fileName: 'e.json' });
      const { runId } = await s.handlers['replay.start']({ programId: p.id, eventSetId: e.id });
      let run = await s.handlers['replay.progress']({ runId });
      for (let i = 0; i < 500 && run.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        run = await s.handlers['replay.progress']({ runId });
      }
      expect(run).toMatchObject({ status: 'done', expectationsPassed: true });
    } finally {
      await s.close();
    }
  });
});
