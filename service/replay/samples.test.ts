import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replay } from '../../engine';
import { parseEventSetText, parseProgramText } from '../../engine/formats/read';
import { readLedger } from '../store';
import { disposeIfCreated, testService, waitForRun, type TestService } from '../test-helpers';

const SAMPLES = path.resolve(__dirname, '../../resources/samples');
const has = fs.existsSync(path.join(SAMPLES, 'demo.program.json'));
let s: TestService;
afterEach(async () => disposeIfCreated(s));

describe('the largest sample, persisted and read back', () => {
  it('has its committed sample (resources/samples/demo.program.json)', () => expect(has).toBe(true));

  it('stores exactly the rewards and report parts the engine gives (demo.events.json)', async () => {
    s = testService();
    const programText = fs.readFileSync(path.join(SAMPLES, 'demo.program.json'), 'utf8');
    const eventsText = fs.readFileSync(path.join(SAMPLES, 'demo.events.json'), 'utf8');
    const doc = await s.call('programs.import', { text: programText, fileName: 'demo.program.json' });
    const set = await s.call('eventSets.import', { programId: doc.id, text: eventsText, fileName: 'demo.events.json' });
    const { runId } = await s.call('replay.start', { programId: doc.id, eventSetId: set.id });
    const run = await waitForRun(s, runId);
    const report = replay(parseProgramText(programText), parseEventSetText(eventsText, 'demo.events.json'));
    expect(run).toMatchObject({ status: 'done', total: set.eventCount, processed: set.eventCount, rewardCount: report.rewards.length, rejectedCount: report.rejected.length });
    expect(report.rewards.length).toBeGreaterThan(100);
    // The stored ledger, re-read row by row, is the engine's rewards exactly (no review yet).
    const ledger = readLedger(s.db, runId).map(({ reviewReason, ...r }) => {
      expect(reviewReason).toBeNull();
      return r;
    });
    expect(ledger).toEqual(report.rewards);
    const result = await s.call('replay.result', { runId });
    expect({ groupChanges: result.groupChanges, tagsApplied: result.tagsApplied, partners: result.partners, rejected: result.rejected, expectations: result.expectations }).toEqual({
      groupChanges: report.groupChanges,
      tagsApplied: report.tagsApplied,
      partners: report.partners,
      rejected: report.rejected,
      expectations: report.expectations,
    });
    const page = await s.call('replay.ledger', { runId, limit: 5000 });
    expect(page.total).toBe(report.rewards.length);
  });
});
