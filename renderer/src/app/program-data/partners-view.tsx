/** Sample partners: add, edit, delete (`partners.upsert` / `partners.delete`), CSV import. */
import AddIcon from '@mui/icons-material/Add';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, Typography } from '@mui/material';
import type { ProgramDoc } from '@service/contract';
import { ConfirmDialog } from '../dialogs';
import { ViewFrame } from '../view-frame';
import { blankPartner, PartnerDialog } from './partner-dialog';
import { PartnersTable } from './partners-table';
import { usePartnerActions } from './use-partner-actions';

export function PartnersView({ doc }: { doc: ProgramDoc }) {
  const { editing, setEditing, deleting, setDeleting, save, remove, importCsv } = usePartnerActions(doc.id);
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
      <PartnersTable program={doc.program} onEdit={(p) => setEditing({ partner: p, isNew: false })} onDelete={setDeleting} />
      <PartnerDialog open={editing !== null} partner={editing?.partner ?? blankPartner()} isNew={editing?.isNew ?? true} program={doc.program} onClose={() => setEditing(null)} onSave={(p) => void save(p)} />
      <ConfirmDialog open={deleting !== null} title={`Delete ${deleting?.key ?? ''}?`} text="The sample partner is removed from the program. This cannot be undone." confirm="Delete partner" onClose={() => setDeleting(null)} onConfirm={() => deleting && void remove(deleting)} />
    </ViewFrame>
  );
}
