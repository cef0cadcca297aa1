/**
 * The program switcher and its actions: create, rename, duplicate, delete, import, export. The
 * menu only offers them; `useProgramActions` does them and `ProgramDialogs` asks for names.
 */
import MoreVertIcon from '@mui/icons-material/MoreVert';
import { Box, IconButton, Menu, MenuItem, Select, Tooltip } from '@mui/material';
import { useState } from 'react';
import type { ProgramSummary } from '@service/contract';
import { useAppStore } from './app-store';
import { ConfirmDialog, PromptDialog } from './dialogs';
import { useProgramActions, type ProgramActions, type ProgramDialog } from './use-program-actions';

export function ProgramMenu({ programs }: { programs: ProgramSummary[] }) {
  const actions = useProgramActions(programs);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, px: 1.5, py: 1 }}>
      <ProgramSelect programs={programs} current={actions.current} />
      <ActionsMenu actions={actions} />
      <ProgramDialogs actions={actions} />
    </Box>
  );
}

function ProgramSelect({ programs, current }: { programs: ProgramSummary[]; current: ProgramSummary | undefined }) {
  const openProgram = useAppStore((s) => s.openProgram);
  return (
    <Select sx={{ flex: 1, minWidth: 0 }} size="small" value={current ? current.id : ''} displayEmpty inputProps={{ 'aria-label': 'Program' }} onChange={(e) => openProgram(e.target.value || null)}>
      {programs.length === 0 && <MenuItem value="">No programs</MenuItem>}
      {programs.map((p) => (
        <MenuItem key={p.id} value={p.id}>
          {p.name}
        </MenuItem>
      ))}
    </Select>
  );
}

/** The ⋮ menu; every item closes it before its action (a dialog, a file picker) opens. */
function ActionsMenu({ actions }: { actions: ProgramActions }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const none = !actions.current;
  const item = (label: string, action: () => void, disabled = false) => (
    <MenuItem
      disabled={disabled}
      onClick={() => {
        setAnchor(null);
        action();
      }}
    >
      {label}
    </MenuItem>
  );
  const open = (d: ProgramDialog) => () => actions.setDialog(d);
  return (
    <>
      <Tooltip title="Program actions">
        <IconButton aria-label="Program actions" onClick={(e) => setAnchor(e.currentTarget)}>
          <MoreVertIcon />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {item('New program…', open('create'))}
        {item('Rename…', open('rename'), none)}
        {item('Duplicate…', open('duplicate'), none)}
        {item('Import program file…', actions.importFile)}
        {item('Export program file', actions.exportFile, none)}
        {item('Delete…', open('delete'), none)}
      </Menu>
    </>
  );
}

function ProgramDialogs({ actions }: { actions: ProgramActions }) {
  const { current, dialog, setDialog } = actions;
  const close = () => setDialog(null);
  return (
    <>
      <PromptDialog open={dialog === 'create'} title="New program" label="Name" initial="" confirm="Create" onClose={close} onSubmit={actions.create} />
      <PromptDialog open={dialog === 'rename'} title="Rename program" label="Name" initial={current?.name ?? ''} confirm="Rename" onClose={close} onSubmit={actions.rename} />
      <PromptDialog open={dialog === 'duplicate'} title="Duplicate program" label="Name of the copy" initial={current ? `${current.name} (copy)` : ''} confirm="Duplicate" onClose={close} onSubmit={actions.duplicate} />
      <ConfirmDialog open={dialog === 'delete'} title="Delete program?" text={`“${current?.name ?? ''}” and its triggers, partners, event sets and replay runs will be deleted. This cannot be undone.`} confirm="Delete program" onClose={close} onConfirm={actions.remove} />
    </>
  );
}
