import { describe, expect, it } from 'vitest';
import { fileKind, importTitle, issueLines } from './import-issues';

describe('import issues', () => {
  it('sorts by CSV line or JSON index', () => {
    const lines = issueLines({
      message: 'events.csv has 3 problems',
      issues: [
        { path: 'line 12, column amount', message: '"1.234" has 3 decimals but USD allows 2' },
        { path: 'line 3, column type', message: 'unknown event type' },
        { path: 'line 3, column at', message: 'not an instant' },
      ],
    });
    expect(lines.map((l) => l.where)).toEqual(['line 3, column type', 'line 3, column at', 'line 12, column amount']);
    expect(issueLines({ message: 'x', issues: [{ path: 'events[10].at', message: 'a' }, { path: 'events[2].id', message: 'b' }] }).map((l) => l.where)).toEqual(['events[2].id', 'events[10].at']);
  });

  it('falls back to the message', () => {
    expect(issueLines({ message: 'bad JSON at 1:4' })).toEqual([{ where: '', message: 'bad JSON at 1:4' }]);
  });

  it('tells CSV from JSON', () => {
    expect(fileKind('Sample.CSV')).toBe('csv');
    expect(fileKind('events.json')).toBe('json');
  });
});

describe('import title', () => {
  it('counts the problems or repeats the message', () => {
    expect(importTitle('a.csv', { message: 'm', issues: [{ path: 'line 2', message: 'x' }] })).toBe('a.csv was not imported: 1 problem, nothing was stored');
    expect(importTitle('a.json', { message: 'bad JSON' })).toBe('a.json was not imported: bad JSON');
  });
});
