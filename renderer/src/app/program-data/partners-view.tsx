/** Sample partners: add, edit, delete (`partners.upsert` / `partners.delete`), CSV import. */
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, Chip, IconButton, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import type { Partner } from '@engine/formats/program-schema';
import type { ProgramDoc } from '@service/contract';
import { useClient } from '../client-context';
import { files } from '../../client';
import { ConfirmDialog } from '../dialogs';
import { useNotify } from '../notify';
import { ViewFrame } from '../view-frame';
import { blankPartner, PartnerDialog } from './partner-dialog';
import { dataChanged } from '../../client/query-cache';

export function PartnersView({ doc }: { doc: ProgramDoc }) {
  const client = useClient();
  const notify = useNotify((s) => s.show);
  const [editing, setEditing] = useState<{ partner: Partner; isNew: boolean } | null>(null);
  const [deleting, setDeleting] = useState<Partner | null>(null);
  const done = (message: string) => {
    dataChanged('program');
    notify(message);
  };
  const save = async (p: Partner) => {
    const previousKey = editing && !editing.isNew && editing.partner.key !== p.key ? editing.partner.key : undefined;
    const r = await client.send('partners.upsert', { programId: doc.id, partner: p, ...(previousKey ? { previousKey } : {}) });
    if (!r.ok) {
      notify(r.error.message, 'error');
      return;
    }
    setEditing(null);
    done(`Saved ${p.key}`);
  };
  const remove = async (p: Partner) => {
    setDeleting(null);
    const r = await client.send('partners.delete', { programId: doc.id, key: p.key });
    if (r.ok) done(`Deleted ${p.key}`);
    else notify(r.error.message, 'error');
  };
  const importCsv = async () => {
    const r = await files.importFile({ kind: 'partners', programId: doc.id });
    if (r.ok) {
      if (r.value?.kind === 'partners') done(`Imported ${r.value.value.imported} partners`);
    } else notify(r.error.message, 'error', r.error.issues);
  };
  const partners = doc.program.partners;
  return (
    <ViewFrame
      title="Sample partners"
      subtitle={doc.program.name}
      actions={
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button startIcon={<UploadFileIcon />} onClick={() => void importCsv()}>
            Import CSV
          </Button>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({ partner: blankPartner(), isNew: true })}>
            Add partner
          </Button>
        </Box>
      }
    >
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        The partners replays start from and the visibility preview shows. CSV columns: key, name, group, tier, tags (separated by “|”), joinedAt.
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Sample partners" stickyHeader>
          <TableHead>
            <TableRow>
              {['Key', 'Name', 'Group', 'Tier', 'Tags', 'Joined', ''].map((h) => (
                <TableCell key={h}>{h}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {partners.map((p) => (
              <TableRow key={p.key} hover>
                <TableCell sx={{ fontFamily: 'monospace' }}>{p.key}</TableCell>
                <TableCell>{p.name}</TableCell>
                <TableCell>{p.group ?? '—'}</TableCell>
                <TableCell>{p.tier ?? '—'}</TableCell>
                <TableCell>{p.tags.map((t) => <Chip key={t} size="small" label={t} sx={{ mr: 0.5 }} />)}</TableCell>
                <TableCell>{p.joinedAt.slice(0, 10)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <IconButton size="small" aria-label={`Edit ${p.key}`} onClick={() => setEditing({ partner: p, isNew: false })}>
                    <EditIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={`Delete ${p.key}`} onClick={() => setDeleting(p)}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
            {partners.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>No sample partners yet.</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <PartnerDialog open={editing !== null} partner={editing?.partner ?? blankPartner()} isNew={editing?.isNew ?? true} program={doc.program} onClose={() => setEditing(null)} onSave={(p) => void save(p)} />
      <ConfirmDialog open={deleting !== null} title={`Delete ${deleting?.key ?? ''}?`} text="The sample partner is removed from the program. This cannot be undone." confirm="Delete partner" onClose={() => setDeleting(null)} onConfirm={() => deleting && void remove(deleting)} />
    </ViewFrame>
  );
}
