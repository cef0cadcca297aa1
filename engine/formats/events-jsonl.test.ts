import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonlEventSetReader, parseEventsJsonl } from './events-jsonl';
import { issuesOf } from '../test-helpers';
import { jsonSyntaxErrorAt } from './json-syntax';
import { parseEventSetText } from './read';

const EXAMPLE = join(__dirname, '../../resources/samples/spec-examples/seed-order-recommended.events.json');

/** The JSON example as JSON Lines: header, then one event per line. */
function asJsonl(): { text: string; json: ReturnType<typeof parseEventSetText> } {
  const raw = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { events: unknown[]; [k: string]: unknown };
  const { events, ...header } = raw;
  return { text: [JSON.stringify(header), ...events.map((e) => JSON.stringify(e))].join('\n'), json: parseEventSetText(JSON.stringify(raw), 'x.json') };
}

describe('JSON Lines event sets', () => {
  it('read the same set as the JSON file, by extension (.jsonl and .ndjson, any case)', () => {
    const { text, json } = asJsonl();
    expect(parseEventSetText(text, 'x.jsonl')).toEqual(json);
    expect(parseEventSetText(`${text}\r\n\r\n`.replace(/\n/g, '\r\n'), 'x.NDJSON')).toEqual(json);
  });

  it('give the same result whatever the chunking, even one character at a time', () => {
    const { text, json } = asJsonl();
    for (const size of [1, 7, 64, text.length]) {
      const reader = new JsonlEventSetReader('x.jsonl');
      for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
      expect(reader.end()).toEqual(json);
    }
  });

  const H = '{"format":"offerflow.events/1","name":"n"}';
  const ok = '{"id":"c1","type":"customer.created","at":"2026-02-01T10:00:00Z","customer":{"key":"c","partnerKey":"ana"}}';
  it.each([
    ['an empty file', '', 'line 1: the file is empty'],
    ['a line cut short', `${H}\n{"id":"x"`, 'line 2, column 10: invalid JSON: the line ends before the value does'],
    ['a syntax error Node gives no position for', `${H}\n${ok}\n{"id":"x","type":tru}`, 'line 3, column 18: invalid JSON: unexpected "t"'],
    ['a trailing comma', `${H}\n{"id":"x",}`, 'line 2, column 11: invalid JSON: trailing comma before "}"'],
    ['a bad amount, at its key', `${H}\n{"type":"transaction.created","at":"2026-02-01T10:00:00Z","transaction":{"key":"t","customerKey":"c","amount":"1.234","currency":"USD"}}`, 'line 2, column 102: transaction.amount: "1.234" has 3 decimals'],
    ['an unknown event type', `${H}\n\n{"type":"order.placed","at":"2026-02-01T10:00:00Z"}`, 'line 3, column 2: type'],
    ['a wrong header format', `{"format":"offerflow.events/2"}\n${ok}`, 'line 1, column 2: format: must be "offerflow.events/1"'],
    ['events inside the header', '{"format":"offerflow.events/1","events":[]}', 'line 1, column 32: events: the header carries no events'],
    ['a bad expectation in the header', '{"format":"offerflow.events/1","expect":{"rewards":[{"amount":"x"}]}}', 'line 1, column 54: expect.rewards[0].amount'],
  ])('name the line and column of %s', (_label, text, expected) => {
    expect(issuesOf(() => parseEventsJsonl(text, 'e.jsonl')).join('\n')).toContain(expected);
  });

  it('report every bad line, not just the first', () => {
    const text = [H, '{', ok, '[1,', '{"type":"link.clicked","at":"2026-02-01T10:00:00Z","partnerKey":"a","count":-1}'].join('\n');
    expect(issuesOf(() => parseEventsJsonl(text, 'e.jsonl')).map((i) => i.split(':')[0])).toEqual(['line 2, column 2', 'line 4, column 4', 'line 5, column 69']);
  });
});

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('jsonSyntaxErrorAt', () => {
  it.each([
    ['{"a":1}', -1],
    ['  [1, 2.5e3, "x\\u00e9", true, null, {"b": []}]  ', -1],
    ['{"a":1,}', 7],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['"\\q"', 2],
    ['{"a":', 5],
    ['01', 1],
    ['{} x', 3],
  ])('%s → %i', (text, at) => {
    expect(jsonSyntaxErrorAt(text)).toBe(at);
    // Whatever the scanner says, JSON.parse agrees on valid or not.
    expect(at === -1).toBe(parses(text));
  });

  it('scans any depth without recursion', () => {
    expect(jsonSyntaxErrorAt(`${'['.repeat(100000)}${']'.repeat(99999)}`)).toBe(199999);
  });
});
