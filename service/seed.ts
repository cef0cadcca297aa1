/**
 * First run: an empty data folder gets a sample program and its event set, so the app is never
 * empty. The candidates are tried in order; the first pair whose program file exists is used.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Service } from './service';

export interface SamplePair {
  program: string;
  events: string;
}

/** Sample pairs relative to the repository (or app resources) root, best first. */
export const SAMPLE_PAIRS: readonly SamplePair[] = [
  { program: 'resources/samples/demo.program.json', events: 'resources/samples/demo.events.json' },
  { program: 'resources/samples/spec-examples/seed-order-recommended.program.json', events: 'resources/samples/spec-examples/seed-order-recommended.events.json' },
];

/** Imports the first available sample when the store has no program. Returns the program id, if any. */
export async function seedIfEmpty(service: Service, root: string, pairs: readonly SamplePair[] = SAMPLE_PAIRS): Promise<string | null> {
  if ((await service.handlers['programs.list']({})).length > 0) return null;
  const pair = pairs.map((p) => ({ program: path.resolve(root, p.program), events: path.resolve(root, p.events) })).find((p) => fs.existsSync(p.program));
  if (!pair) return null;
  // A sample that fails to import is a bug in the shipped files: let the Failure propagate.
  const doc = await service.handlers['programs.import']({ text: fs.readFileSync(pair.program, 'utf8'), fileName: path.basename(pair.program) });
  if (fs.existsSync(pair.events)) {
    await service.handlers['eventSets.import']({ programId: doc.id, text: fs.readFileSync(pair.events, 'utf8'), fileName: path.basename(pair.events) });
  }
  return doc.id;
}
