/** Fixtures for the `offerflow test` tests: a QA folder built from the spec examples, a captured CLI run, a JUnit parser. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { run, type Io } from '../main';

export const EXAMPLES = join(__dirname, '../../resources/samples/spec-examples');
export const PROGRAM = join(EXAMPLES, 'seed-order-recommended.program.json');
export const SILVER = "trigger 'Silver Group offer: $10 per transaction' (silver-offer)";

export function capture(argv: string[], readFile: (p: string) => string = (p) => readFileSync(p, 'utf8')): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), readFile };
  return { code: run(argv, io), out, err };
}

type Json = Record<string, unknown> & { events: Record<string, unknown>[]; expect: { rewards: Record<string, unknown>[] } };
export const example = (): Json => JSON.parse(readFileSync(join(EXAMPLES, 'seed-order-recommended.events.json'), 'utf8')) as Json;

export function jsonl(set: Json): string {
  const { events, ...header } = set;
  return `${[header, ...events].map((x) => JSON.stringify(x)).join('\n')}\n`;
}

export const CSV_HEADER = 'id,type,at,receivedAt,partnerKey,customerKey,key,amount,currency,productKey,categoryKey,actionKey,value,stage,name,group,count';
export const CSV = `${CSV_HEADER}\nc1,customer.created,2026-02-01T10:00:00Z,,ana,,cust-1,,,,,,,,,,\nt1,transaction.created,2026-02-02T12:00:00Z,,,cust-1,txn-1,20.00,USD,,,,,,,,\n`;

/**
 * A folder as QA would keep it: a passing JSON set, a failing one (its last expected reward
 * moved to an event where the silver offer cannot fire), an invalid JSON Lines set, a passing
 * CSV set with its expectations file beside it, and files that are not event sets.
 */
export function qaFolder(): { dir: string; sets: string } {
  const dir = mkdtempSync(join(tmpdir(), 'offerflow-test-'));
  const sets = join(dir, 'sets');
  mkdirSync(join(sets, 'csv'), { recursive: true });
  copyFileSync(PROGRAM, join(dir, 'seed.program.json'));
  writeFileSync(join(sets, 'pass.events.json'), JSON.stringify(example(), null, 2));
  const failing = example();
  failing.name = 'Failing sample';
  failing.expect.rewards[5] = { partnerKey: 'ana', triggerId: 'silver-offer', eventId: 't5', amount: '10.00', currency: 'USD' };
  writeFileSync(join(sets, 'fail.events.json'), JSON.stringify(failing, null, 2));
  const bad = example();
  bad.events[2] = { type: 'link.clicked', at: '2026-02-01T10:00:00Z', partnerKey: 'ana', count: 1.5 };
  writeFileSync(join(sets, 'bad.events.jsonl'), jsonl(bad));
  writeFileSync(join(sets, 'csv', 'orders.events.csv'), CSV);
  writeFileSync(join(sets, 'csv', 'orders.expect.json'), JSON.stringify({ rewards: [{ partnerKey: 'ana', triggerId: 'bronze-offer', eventId: 't1', amount: '5.00' }] }));
  writeFileSync(join(sets, 'notes.json'), '{"not": "an event set"}');
  return { dir, sets };
}

export function parseJunit(xml: string): { suites: Record<string, unknown>[]; cases: Record<string, unknown>[] } {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- its successor (fast-xml-validator) is not in the registry we install from
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml) as {
    testsuites: { testsuite: (Record<string, unknown> & { testcase: Record<string, unknown>[] })[] };
  };
  const suites = doc.testsuites.testsuite;
  return { suites, cases: suites.flatMap((s) => s.testcase) };
}

/** Runs git in `dir` with a fixed identity (tests make their own repositories). */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}
