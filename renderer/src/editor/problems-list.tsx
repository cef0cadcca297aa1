/** Every problem of the open trigger in the editor's words; clicking one selects its node. */
import { Alert, Box, List, ListItemButton, ListItemIcon, ListItemText, Typography } from '@mui/material';
import ErrorOutlinedIcon from '@mui/icons-material/ErrorOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { useEditorFit } from './editor-fit';
import { useCanvasInfo } from './canvas-context';
import { useEditor, useEditorStoreApi } from './editor-context';
import { nodeWords, plainMessage } from './sentences';
import type { TriggerIssues } from './use-trigger-issues';
import { selectOnly } from './editor-view';

export function ProblemsList({ report }: { report: TriggerIssues }) {
  const store = useEditorStoreApi();
  const fit = useEditorFit();
  const select = (id: string) => {
    selectOnly(store.getState().view, [id]);
    fit([id]);
  };
  const nodes = useEditor((s) => s.nodes);
  const program = useCanvasInfo().program;
  const where = (id: string): string => {
    const node = nodes.find((n) => n.id === id);
    return node ? nodeWords(node, program) : 'Trigger';
  };
  const located = [...report.byNode.entries()].flatMap(([id, list]) => list.map((issue) => ({ id, issue })));
  const detached = report.reading.detached;
  const incomplete = report.reading.ok ? report.reading.incomplete : report.reading.reason;
  return (
    <Box component="section" aria-label="Problems" sx={{ borderTop: 1, borderColor: 'divider', maxHeight: 180, overflowY: 'auto', bgcolor: 'background.paper' }}>
      <Typography variant="overline" sx={{ px: 2 }} color="text.secondary">
        Problems ({located.length + (incomplete ? 1 : 0) + (detached.length > 0 ? 1 : 0)})
      </Typography>
      {incomplete && (
        <Alert severity="error" sx={{ mx: 1, mb: 0.5 }}>
          {incomplete}
        </Alert>
      )}
      {detached.length > 0 && (
        <Alert severity="warning" sx={{ mx: 1, mb: 0.5 }}>
          {detached.length} node{detached.length === 1 ? ' is' : 's are'} not connected to the Event and not part of the trigger.
        </Alert>
      )}
      <List dense disablePadding>
        {located.map(({ id, issue }, i) => (
          <ListItemButton key={i} onClick={() => select(id)}>
            <ListItemIcon sx={{ minWidth: 32 }}>{issue.severity === 'error' ? <ErrorOutlinedIcon color="error" fontSize="small" /> : <WarningAmberIcon color="warning" fontSize="small" />}</ListItemIcon>
            <ListItemText primary={plainMessage(issue.message)} secondary={where(id)} />
          </ListItemButton>
        ))}
      </List>
      {located.length === 0 && !incomplete && detached.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1 }}>
          No problems: the engine accepts this trigger.
        </Typography>
      )}
    </Box>
  );
}
