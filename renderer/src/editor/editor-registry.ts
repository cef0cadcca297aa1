/**
 * The open triggers' editor stores, kept for the whole session so that leaving a trigger and
 * coming back finds the same canvas (detached nodes, positions, undo history) and the saver
 * keeps running while another screen shows. A store is made again only when the service holds
 * a newer version than the store has seen and the store has nothing unsaved.
 */
import type { Trigger } from '@engine/formats/program-schema';
import type { ServiceClient } from '@service/contract';
import { createEditorStore, type EditorStore } from './editor-store';
import { startPersistence, type Persistence } from './persistence';

export interface OpenEditor {
  store: EditorStore;
  persistence: Persistence;
  /** The version the store started from or last saved; a newer one in the service replaces it. */
  seen: { version: number | undefined };
}

const open = new Map<string, OpenEditor>();

function keyOf(programId: string, triggerId: string): string {
  return `${programId}\u0000${triggerId}`;
}

function hasUnsaved(e: OpenEditor): boolean {
  const status = e.store.getState().save.status;
  return status !== 'saved';
}

export interface OpenOptions {
  client: ServiceClient;
  programId: string;
  onSaved: (trigger: Trigger) => void;
}

/** The editor of `trigger`, kept from an earlier visit when it is still current. */
export function openEditor(trigger: Trigger, opts: OpenOptions): OpenEditor {
  const key = keyOf(opts.programId, trigger.id);
  const known = open.get(key);
  if (known && (known.seen.version === trigger.version || hasUnsaved(known))) return known;
  known?.persistence.stop();
  const store = createEditorStore(trigger);
  const seen = { version: trigger.version };
  const persistence = startPersistence(store, {
    client: opts.client,
    programId: opts.programId,
    onSaved: (saved) => {
      seen.version = saved.version;
      opts.onSaved(saved);
    },
  });
  const entry: OpenEditor = { store, persistence, seen };
  open.set(key, entry);
  return entry;
}

/** Forgets a trigger's editor (deleted, or its unsaved changes discarded). */
export function closeEditor(programId: string, triggerId: string): void {
  const key = keyOf(programId, triggerId);
  open.get(key)?.persistence.stop();
  open.delete(key);
}

/** Records a version the service returned outside the saver (activate, deactivate). */
export function noteVersion(programId: string, trigger: Trigger): void {
  const e = open.get(keyOf(programId, trigger.id));
  if (e) e.seen.version = trigger.version;
}
