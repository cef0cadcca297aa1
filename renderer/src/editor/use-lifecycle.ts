/** Activate, deactivate, duplicate and delete the open trigger through the service. */
import type { ServiceClient } from '@service/contract';
import { useAppStore } from '../app/app-store';
import { useNotify } from '../app/notify';
import { useEditorStoreApi } from './editor-context';
import { closeEditor, noteVersion } from './editor-registry';
import type { Persistence } from './persistence';
import type { TriggerIssues } from './use-trigger-issues';
import { dataChanged } from '../client/query-cache';

export interface TriggerLifecycle {
  /** Why the trigger cannot be activated, or null. */
  activateBlocked: string | null;
  /**
   * Activates the trigger. `since` null (the default) makes it fire for every event of a replay;
   * an ISO instant simulates the live rule "no retroactive rewards" from that moment on.
   */
  activate: (since?: string | null) => Promise<void>;
  deactivate: () => Promise<void>;
  duplicate: () => Promise<void>;
  remove: () => Promise<void>;
}

export function activateBlockedReason(report: Pick<TriggerIssues, 'reading' | 'errors'>): string | null {
  if (!report.reading.ok) return `Cannot activate: ${report.reading.reason}`;
  if (report.reading.incomplete) return `Cannot activate yet: ${report.reading.incomplete}`;
  const n = report.errors.length;
  if (n > 0) return `Cannot activate: fix ${n} error${n === 1 ? '' : 's'} first (${report.errors[0]?.message ?? ''})`;
  return null;
}

export function useLifecycle(client: ServiceClient, programId: string, persistence: Persistence, report: TriggerIssues): TriggerLifecycle {
  const store = useEditorStoreApi();
  const notify = useNotify((s) => s.show);
  const { go } = useAppStore.getState();
  const triggerId = store.getState().meta.id;
  const setStatus = async (channel: 'triggers.activate' | 'triggers.deactivate', since: string | null = null) => {
    await persistence.flush();
    const r = channel === 'triggers.activate' ? await client.send(channel, { programId, triggerId, activatedAt: since }) : await client.send(channel, { programId, triggerId });
    if (!r.ok) {
      notify(r.error.message, 'error');
      return;
    }
    persistence.markSaved(r.value);
    noteVersion(programId, r.value);
    store.getState().acceptServerTrigger(r.value);
    dataChanged('program');
    notify(channel === 'triggers.activate' ? 'Activated: the event, rules and action type are now locked' : 'Deactivated');
  };
  return {
    activateBlocked: activateBlockedReason(report),
    activate: (since) => setStatus('triggers.activate', since ?? null),
    deactivate: () => setStatus('triggers.deactivate'),
    duplicate: async () => {
      await persistence.flush();
      const r = await client.send('triggers.duplicate', { programId, triggerId });
      if (!r.ok) {
        notify(r.error.message, 'error');
        return;
      }
      dataChanged('program');
      go({ kind: 'trigger', triggerId: r.value.id });
      notify('Duplicated as a new draft');
    },
    remove: async () => {
      const r = await client.send('triggers.delete', { programId, triggerId });
      if (!r.ok) {
        notify(r.error.message, 'error');
        return;
      }
      closeEditor(programId, triggerId);
      dataChanged('program');
      go({ kind: 'settings' });
      notify('Trigger deleted');
    },
  };
}
