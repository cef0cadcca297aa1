/**
 * What the Sample partners screen does: which partner is being edited or deleted, and saving,
 * deleting and importing through the service, each ending in a notice.
 */
import { useState } from 'react';
import type { Partner } from '@engine/formats/program-schema';
import { files } from '../../client';
import { dataChanged } from '../../client/query-cache';
import { useClient } from '../client-context';
import { useNotify } from '../notify';

export interface PartnerActions {
  /** The partner in the edit dialog (`isNew`: added, not yet saved), or null when it is closed. */
  editing: { partner: Partner; isNew: boolean } | null;
  setEditing: (editing: { partner: Partner; isNew: boolean } | null) => void;
  /** The partner whose deletion waits for a confirmation. */
  deleting: Partner | null;
  setDeleting: (partner: Partner | null) => void;
  save: (p: Partner) => Promise<void>;
  remove: (p: Partner) => Promise<void>;
  importCsv: () => Promise<void>;
}

export function usePartnerActions(programId: string): PartnerActions {
  const client = useClient();
  const notify = useNotify((s) => s.show);
  const [editing, setEditing] = useState<{ partner: Partner; isNew: boolean } | null>(null);
  const [deleting, setDeleting] = useState<Partner | null>(null);
  const done = (message: string) => {
    dataChanged('program');
    notify(message);
  };
  const save = async (p: Partner) => {
    // A renamed key is sent with the key it had, so the service replaces the partner, not adds one.
    const previousKey = editing && !editing.isNew && editing.partner.key !== p.key ? editing.partner.key : undefined;
    const r = await client.send('partners.upsert', { programId, partner: p, ...(previousKey ? { previousKey } : {}) });
    if (!r.ok) {
      notify(r.error.message, 'error');
      return;
    }
    setEditing(null);
    done(`Saved ${p.key}`);
  };
  const remove = async (p: Partner) => {
    setDeleting(null);
    const r = await client.send('partners.delete', { programId, key: p.key });
    if (r.ok) done(`Deleted ${p.key}`);
    else notify(r.error.message, 'error');
  };
  const importCsv = async () => {
    const r = await files.importFile({ kind: 'partners', programId });
    if (r.ok) {
      if (r.value?.kind === 'partners') done(`Imported ${r.value.value.imported} partners`);
    } else notify(r.error.message, 'error', r.error.issues);
  };
  return { editing, setEditing, deleting, setDeleting, save, remove, importCsv };
}
