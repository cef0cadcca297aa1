/** Trigger actions the navigator and the editor share; each reports its result. */
import type { TriggerEvent } from '@engine/catalogue';
import type { Trigger } from '@engine/formats/program-schema';
import { EVENT_LABELS } from '../editor/action-model';
import { useAppStore } from './app-store';
import { useClient } from './client-context';
import { useNotify } from './notify';
import { dataChanged } from '../client/query-cache';

/**
 * A new draft on `event`: Event → an empty AND block → Action, so the first rule added from the
 * palette lands inside the block; a flat reward to start from.
 */
export function newTriggerDraft(event: TriggerEvent): Omit<Trigger, 'id'> {
  return {
    name: `New trigger: ${EVENT_LABELS[event].toLowerCase()}`,
    event,
    status: 'draft',
    rules: { all: [] },
    action: { type: 'reward', offer: { description: '$10 per conversion', type: 'flat', amount: '10.00', currency: 'USD' } },
  };
}

/** Creates a draft (a blank one on `event`, or a template's) and opens it. */
export function useCreateTrigger(): (from: TriggerEvent | Omit<Trigger, 'id'>) => Promise<void> {
  const client = useClient();
  const notify = useNotify((s) => s.show);
  return async (from) => {
    const { programId, go } = useAppStore.getState();
    if (!programId) return;
    const r = await client.send('triggers.create', { programId, trigger: typeof from === 'string' ? newTriggerDraft(from) : from });
    if (!r.ok) {
      notify(r.error.message, 'error');
      return;
    }
    dataChanged('program');
    go({ kind: 'trigger', triggerId: r.value.id });
  };
}
