/** The program switcher and its actions: create, rename, duplicate, delete, import, export. */
import MoreVertIcon from '@mui/icons-material/MoreVert';
import { Box, IconButton, Menu, MenuItem, Select, Tooltip } from '@mui/material';
import { useState } from 'react';
import type { ProgramSummary } from '@service/contract';
import { useAppStore } from './app-store';
import { useClient } from './client-context';
import { files } from '../client';
import { ConfirmDialog, PromptDialog } from './dialogs';
import { useNotify, type NoticeProblem } from './notify';

type Dialog = null | 'create' | 'rename' | 'duplicate' | 'delete';

export function ProgramMenu({ programs, reload }: { programs: ProgramSummary[]; reload: () => void }) {
  const client = useClient();
  const { programId, openProgram, bumpRevision } = useAppStore();
  const notify = useNotify((s) => s.show);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const current = programs.find((p) => p.id === programId);

  const openDialog = (d: Dialog) => () => {
    setAnchor(null);
    setDialog(d);
  };
  const after = (programIdToOpen: string | null, message: string) => {
    setDialog(null);
    reload();
    bumpRevision();
    openProgram(programIdToOpen);
    notify(message);
  };
  const run = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string; issues?: readonly NoticeProblem[] } }>, then: (v: T) => void) => {
    const r = await p;
    if (r.ok) then(r.value);
    else notify(r.error.message, 'error', r.error.issues);
  };
  const importFile = async () => {
    setAnchor(null);
    await run(files.importFile({ kind: 'program' }), (got) => got?.kind === 'program' && after(got.value.id, `Imported “${got.value.program.name}”`));
  };
  const exportFile = async () => {
    setAnchor(null);
    if (programId) await run(files.exportFile({ channel: 'programs.export', args: { programId } }), (out) => out.saved && notify(`Saved ${out.fileName}`));
  };
  const item = (label: string, onClick: () => void, disabled = false) => (
    <MenuItem disabled={disabled} onClick={onClick}>
      {label}
    </MenuItem>
  );

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, px: 1.5, py: 1 }}>
      <Select sx={{ flex: 1, minWidth: 0 }} size="small" value={current ? current.id : ''} displayEmpty inputProps={{ 'aria-label': 'Program' }} onChange={(e) => openProgram(e.target.value || null)}>
        {programs.length === 0 && <MenuItem value="">No programs</MenuItem>}
        {programs.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.name}
          </MenuItem>
        ))}
      </Select>
      <Tooltip title="Program actions">
        <IconButton aria-label="Program actions" onClick={(e) => setAnchor(e.currentTarget)}>
          <MoreVertIcon />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {item('New program…', openDialog('create'))}
        {item('Rename…', openDialog('rename'), !current)}
        {item('Duplicate…', openDialog('duplicate'), !current)}
        {item('Import program file…', () => void importFile())}
        {item('Export program file', () => void exportFile(), !current)}
        {item('Delete…', openDialog('delete'), !current)}
      </Menu>
      <PromptDialog open={dialog === 'create'} title="New program" label="Name" initial="" confirm="Create" onClose={() => setDialog(null)} onSubmit={(name) => void run(client.send('programs.create', { name }), (doc) => after(doc.id, `Created “${name}”`))} />
      <PromptDialog open={dialog === 'rename'} title="Rename program" label="Name" initial={current?.name ?? ''} confirm="Rename" onClose={() => setDialog(null)} onSubmit={(name) => current && void run(client.send('programs.rename', { programId: current.id, name }), () => after(current.id, 'Renamed'))} />
      <PromptDialog open={dialog === 'duplicate'} title="Duplicate program" label="Name of the copy" initial={current ? `${current.name} (copy)` : ''} confirm="Duplicate" onClose={() => setDialog(null)} onSubmit={(name) => current && void run(client.send('programs.duplicate', { programId: current.id, name }), (doc) => after(doc.id, `Created “${name}”`))} />
      <ConfirmDialog open={dialog === 'delete'} title="Delete program?" text={`“${current?.name ?? ''}” and its triggers, partners, event sets and replay runs will be deleted. This cannot be undone.`} confirm="Delete program" onClose={() => setDialog(null)} onConfirm={() => current && void run(client.send('programs.delete', { programId: current.id }), () => after(programs.find((p) => p.id !== current.id)?.id ?? null, 'Program deleted'))} />
    </Box>
  );
}
