import { describe, expect, it } from 'vitest';
import { FILE_EVENTS } from '@engine/catalogue';
import { eventTypeLabel, FILE_EVENT_LABELS } from './event-labels';

describe('event type labels', () => {
  it('names every file event type, each differently, none as its raw type', () => {
    const labels = FILE_EVENTS.map((t) => eventTypeLabel(t));
    expect(new Set(labels).size).toBe(FILE_EVENTS.length);
    for (const t of FILE_EVENTS) expect(FILE_EVENT_LABELS[t]).not.toBe(t);
    expect(eventTypeLabel('transaction.created')).toBe('Transaction');
  });
  it('reads an unknown type as itself', () => {
    expect(eventTypeLabel('invoice.paid')).toBe('invoice.paid');
  });
});
