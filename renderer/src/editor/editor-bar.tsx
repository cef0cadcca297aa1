/** The editor's top-bar controls: undo/redo, save state, and the trigger lifecycle. */
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DeleteIcon from '@mui/icons-material/Delete';
import RedoIcon from '@mui/icons-material/Redo';
import SyncIcon from '@mui/icons-material/Sync';
import UndoIcon from '@mui/icons-material/Undo';
import ErrorOutlinedIcon from '@mui/icons-material/ErrorOutlined';
import { Box, Button, Chip, FormControlLabel, IconButton, Switch, Tooltip, Typography } from '@mui/material';
import { ActivateDialog } from './activate-dialog';
import { useState } from 'react';
import { ConfirmDialog } from '../app/dialogs';
import { useEditor } from './editor-context';
import type { TriggerLifecycle } from './use-lifecycle';

function SaveState() {
  const save = useEditor((s) => s.save);
  const icon = save.status === 'saved' ? <CloudDoneIcon fontSize="small" color="success" /> : save.status === 'error' || save.status === 'unsaved' ? <ErrorOutlinedIcon fontSize="small" color="error" /> : <SyncIcon fontSize="small" color="action" />;
  return (
    <Tooltip title={save.message}>
      <Box role="status" aria-label={`Save state: ${save.message}`} sx={{ display: 'flex', alignItems: 'center', gap: 0.5, maxWidth: 220 }}>
        {icon}
        <Typography variant="caption" noWrap>
          {save.status === 'saved' ? 'Saved' : save.status === 'saving' ? 'Saving…' : save.status === 'pending' ? 'Unsaved changes' : 'Not saved'}
        </Typography>
      </Box>
    </Tooltip>
  );
}

function UndoRedo() {
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const undo = useEditor((s) => s.undo);
  const redo = useEditor((s) => s.redo);
  return (
    <>
      <Tooltip title="Undo (Ctrl+Z)">
        <span>
          <IconButton aria-label="Undo" disabled={!canUndo} onClick={undo}>
            <UndoIcon />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title="Redo (Ctrl+Shift+Z)">
        <span>
          <IconButton aria-label="Redo" disabled={!canRedo} onClick={redo}>
            <RedoIcon />
          </IconButton>
        </span>
      </Tooltip>
    </>
  );
}

export function EditorBar({ life, timeZone }: { life: TriggerLifecycle; timeZone: string }) {
  const status = useEditor((s) => s.meta.status);
  const [confirm, setConfirm] = useState(false);
  const [asking, setAsking] = useState(false);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexShrink: 0 }}>
      <UndoRedo />
      <SaveState />
      {status === 'draft' ? (
        <>
          {/* Once activated the switch's label says the state; a chip beside it would repeat it. */}
          <Chip size="small" label="draft" variant="outlined" />
          <Tooltip title={life.activateBlocked ?? 'Activate: asks first, lists what locks and from when it fires.'}>
            <span>
              <Button variant="contained" disabled={life.activateBlocked !== null} onClick={() => setAsking(true)}>
                Activate
              </Button>
            </span>
          </Tooltip>
          <ActivateDialog timeZone={timeZone} open={asking} onClose={() => setAsking(false)} onActivate={(since) => (setAsking(false), void life.activate(since))} />
        </>
      ) : (
        <FormControlLabel control={<Switch checked={status === 'active'} onChange={(e) => void (e.target.checked ? life.activate() : life.deactivate())} />} label={status === 'active' ? 'Active' : 'Inactive'} />
      )}
      {life.activateBlocked && status === 'draft' && (
        <Typography variant="caption" color="error" sx={{ maxWidth: 220 }} noWrap title={life.activateBlocked}>
          {life.activateBlocked}
        </Typography>
      )}
      <Tooltip title="Duplicate as new draft">
        <IconButton aria-label="Duplicate as new draft" onClick={() => void life.duplicate()}>
          <ContentCopyIcon />
        </IconButton>
      </Tooltip>
      <Tooltip title="Delete trigger">
        <IconButton aria-label="Delete trigger" onClick={() => setConfirm(true)}>
          <DeleteIcon />
        </IconButton>
      </Tooltip>
      <ConfirmDialog open={confirm} title="Delete this trigger?" text="The trigger is deleted permanently. It cannot be recovered or reactivated; this cannot be undone. You can rebuild it later as a new trigger." confirm="Delete trigger" onClose={() => setConfirm(false)} onConfirm={() => (setConfirm(false), void life.remove())} />
    </Box>
  );
}
