import { describe, expect, it } from 'vitest';
import { issuesOf } from '../test-helpers';
import { parseEventSetText, parseProgramText } from './read';

const P = (over: Record<string, unknown>) => JSON.stringify({ format: 'offerflow.program/1', name: 'x', ...over });
const reward = { type: 'reward', offer: { description: 'd', type: 'flat', amount: '1.00', currency: 'USD' } };
const T = (over: Record<string, unknown>) => ({ id: 't', name: 't', event: 'transaction.created', status: 'active', action: reward, ...over });

describe('program file errors name the path', () => {
  it.each([
    ['invalid JSON', '{"format": ', 'invalid JSON'],
    ['wrong format', JSON.stringify({ format: 'x', name: 'n' }), 'format: must be "offerflow.program/1"'],
    ['unknown key inside an object', P({ groups: [{ key: 'g', name: 'G', colour: 'red' }] }), 'groups[0]: unknown key "colour"'],
    ['wrong type', P({ partners: [{ key: 'a', joinedAt: 5 }] }), 'partners[0].joinedAt'],
    ['bad instant', P({ partners: [{ key: 'a', joinedAt: '2026-02-30T00:00:00Z' }] }), 'partners[0].joinedAt: is not an ISO-8601 instant'],
    ['too many decimals', P({ triggers: [T({ action: { type: 'reward', offer: { description: 'd', type: 'flat', amount: '1.001', currency: 'USD' } } })] }), 'triggers[0].action.offer.amount: "1.001" has 3 decimals but USD allows 2'],
    ['unknown currency', P({ fxRates: { XYZ: '1.2' } }), 'fxRates.XYZ'],
    ['unknown operator deep in a tree', P({ triggers: [T({ rules: { all: [{ any: [{ object: 'customer', field: 'has_paid', op: 'maybe', value: true }] }] } })] }), 'triggers[0].rules.all[0].any[0].op'],
    ['unknown event', P({ triggers: [T({ event: 'order.placed' })] }), 'triggers[0].event'],
    ['bad time zone', P({ timeZone: 'Mars/Olympus' }), 'timeZone: is not an IANA time zone'],
  ])('%s', (_label, text, expected) => {
    const issues = issuesOf(() => parseProgramText(text, 'p.json'));
    expect(issues.join('\n')).toContain(expected);
  });

  it('refuses an event file nested a million levels deep with a message (JSON.parse does not recurse)', () => {
    const text = `{"format":"offerflow.events/1","name":"x","events":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
    // The path names where the reader stopped: level 201, inside `events`.
    expect(issuesOf(() => parseEventSetText(text, 'deep.events.json'))).toEqual([`events${'[0]'.repeat(199)}: is nested more than 200 levels deep`]);
  });

  it('refuses absurdly deep nesting with a message instead of overflowing the stack', () => {
    let rules = '{"object":"customer","field":"has_paid","op":"is","value":true}';
    for (let i = 0; i < 5000; i++) rules = `{"all":[${rules}]}`;
    const text = P({ triggers: [] }).replace('"triggers":[]', `"triggers":[{"id":"t","name":"t","event":"transaction.created","status":"draft","rules":${rules},"action":{"type":"apply_tag","tag":"x"}}]`);
    expect(issuesOf(() => parseProgramText(text, 'p.json'))).toEqual([`triggers[0].rules${'.all[0]'.repeat(98)}.all: is nested more than 200 levels deep`]);
  });

  it('ignores unknown top-level keys and fills defaults', () => {
    const p = parseProgramText(P({ futureThing: 1 }));
    expect(p.timeZone).toBe('UTC');
    expect(p.triggers).toEqual([]);
    expect('futureThing' in p).toBe(true);
  });
});

describe('event set errors', () => {
  const E = (events: unknown[]) => JSON.stringify({ format: 'offerflow.events/1', events });
  it.each([
    ['unknown event type', E([{ type: 'partner.joined_group', at: '2026-01-01T00:00:00Z' }]), 'events[0].type'],
    ['JPY with decimals', E([{ type: 'transaction.created', at: '2026-01-01T00:00:00Z', transaction: { key: 't', customerKey: 'c', amount: '1.5', currency: 'JPY' } }]), 'events[0].transaction.amount: "1.5" has 1 decimals but JPY allows 0'],
    ['unknown key in payload', E([{ type: 'customer.created', at: '2026-01-01T00:00:00Z', customer: { key: 'c', partnerKey: 'a', email: 'x' } }]), 'events[0].customer: unknown key "email"'],
    ['missing at', E([{ type: 'customer.created', customer: { key: 'c', partnerKey: 'a' } }]), 'events[0].at'],
  ])('%s', (_label, text, expected) => {
    expect(issuesOf(() => parseEventSetText(text, 'e.json')).join('\n')).toContain(expected);
  });
});

describe('CSV event sets', () => {
  const header = 'id,type,at,receivedAt,partnerKey,customerKey,key,amount,currency,productKey,categoryKey,actionKey,value,stage,name,group,count';
  it('reads each row type', () => {
    const text = [
      header,
      'c1,customer.created,2026-02-01T09:00:00Z,,alice,,cust1,,,,,,,,Cust One,,',
      't1,transaction.created,2026-02-03T12:00:00Z,2026-02-04T08:00:00Z,,cust1,tx1,100.00,USD,pro,,,,,,,',
      'k1,link.clicked,2026-02-03T12:00:00Z,,alice,,,,,,,,,,,,3',
      'g1,partner.group_changed,2026-02-05T12:00:00Z,,alice,,,,,,,,,,,silver,',
    ].join('\n');
    const set = parseEventSetText(text, 'x.CSV');
    expect(set.events).toEqual([
      { id: 'c1', type: 'customer.created', at: '2026-02-01T09:00:00Z', customer: { key: 'cust1', partnerKey: 'alice', name: 'Cust One' } },
      { id: 't1', type: 'transaction.created', at: '2026-02-03T12:00:00Z', receivedAt: '2026-02-04T08:00:00Z', transaction: { key: 'tx1', customerKey: 'cust1', amount: '100.00', currency: 'USD', productKey: 'pro' } },
      { id: 'k1', type: 'link.clicked', at: '2026-02-03T12:00:00Z', partnerKey: 'alice', count: 3 },
      { id: 'g1', type: 'partner.group_changed', at: '2026-02-05T12:00:00Z', partnerKey: 'alice', group: 'silver' },
    ]);
  });
  it.each([
    ['an unknown column', 'id,type,at,colour\n', 'line 1, column 4: unknown column "colour"'],
    ['a bad amount', `${header}\nt1,transaction.created,2026-02-03T12:00:00Z,,,c,tx,1.234,USD,,,,,,,,\n`, 'line 2, column amount: "1.234" has 3 decimals'],
    ['a bad date', `${header}\nt1,customer.created,2026-02-31T12:00:00Z,,a,,c,,,,,,,,,,\n`, 'line 2, column at'],
    ['a cell the type does not use', `${header}\nt1,customer.created,2026-02-01T12:00:00Z,,a,,c,5.00,,,,,,,,,\n`, 'line 2, column amount: is not used by customer.created'],
    ['an unknown type', `${header}\n\nt1,order.placed,2026-02-01T12:00:00Z,,a,,c,,,,,,,,,,\n`, 'line 3, column type: unknown event type "order.placed"'],
    ['a ragged row', `${header}\nt1,customer.created\n`, 'line 2'],
  ])('names the line and column of %s', (_label, text, expected) => {
    expect(issuesOf(() => parseEventSetText(text, 'e.csv')).join('\n')).toContain(expected);
  });
});
