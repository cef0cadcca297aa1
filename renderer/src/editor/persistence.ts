/**
 * Saves the open trigger: a subscriber to the editor store that, shortly after each change,
 * sends the trigger as the engine will read it to `triggers.update`, then tells the app (so
 * every view re-fetches). A draft that does not validate, or whose rule tree is not connected
 * yet, is saved too (as far as it reaches from the Event); only an unreadable graph (a loop)
 * is not sent.
 */
import type { Trigger } from '@engine/formats/program-schema';
import type { ServiceClient } from '@service/contract';
import { readTrigger, type EditorStore } from './editor-store';

export interface Persistence {
  /** Saves now whatever is pending. */
  flush: () => Promise<void>;
  /** Records a trigger the service already holds (after activate), so it is not sent back. */
  markSaved: (trigger: Trigger) => void;
  stop: () => void;
}

export interface PersistenceOptions {
  client: ServiceClient;
  programId: string;
  onSaved: (trigger: Trigger) => void;
  delayMs?: number;
}

/** JSON with object keys sorted, so two equal triggers compare equal whatever their key order. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    const entries = Object.entries(x).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(x);
}

/** The saved form to compare: the version is the store's business. */
function key(t: Trigger): string {
  const { version: _v, ...rest } = t;
  return canonical(rest);
}

/** What the save state says once the store holds the trigger as drawn. */
function savedMessage(incomplete: string | null): string {
  return incomplete ? `Draft saved (not complete yet: ${incomplete})` : 'All changes saved';
}

export function startPersistence(store: EditorStore, opts: PersistenceOptions): Persistence {
  const first = readTrigger(store.getState());
  let saved = first.ok ? key(first.trigger) : '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  const send = async (): Promise<void> => {
    timer = null;
    const reading = readTrigger(store.getState());
    if (!reading.ok || key(reading.trigger) === saved) return;
    const k = key(reading.trigger);
    store.getState().setSave('saving', 'Saving…');
    const res = await opts.client.send('triggers.update', { programId: opts.programId, triggerId: reading.trigger.id, trigger: reading.trigger });
    if (!res.ok) {
      store.getState().setSave('error', `Not saved: ${res.error.message}`);
      return;
    }
    saved = k;
    const now = readTrigger(store.getState());
    if (now.ok && key(now.trigger) === saved) store.getState().setSave('saved', savedMessage(now.incomplete));
    opts.onSaved(res.value);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.nodes === prev.nodes && s.edges === prev.edges && s.meta === prev.meta) return;
    const reading = readTrigger(s);
    if (!reading.ok) {
      if (timer) clearTimeout(timer);
      timer = null;
      s.setSave('unsaved', `Not saved: ${reading.reason}`);
      return;
    }
    if (key(reading.trigger) === saved) {
      if (s.save.status !== 'saving' && (s.save.status !== 'saved' || s.save.message !== savedMessage(reading.incomplete))) s.setSave('saved', savedMessage(reading.incomplete));
      return;
    }
    if (s.save.status !== 'pending') s.setSave('pending', 'Unsaved changes');
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      inFlight = inFlight.then(send);
    }, opts.delayMs ?? 400);
  });

  return {
    flush: async () => {
      if (timer) {
        clearTimeout(timer);
        inFlight = inFlight.then(send);
      }
      await inFlight;
    },
    markSaved: (t) => {
      saved = key(t);
    },
    stop: () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    },
  };
}
