/** The inspector panel: the selected node's settings, or the trigger's when nothing is selected. */
import { Box, MenuItem, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { EVENT_OBJECTS, TRIGGER_EVENTS, type TriggerEvent } from '@engine/catalogue';
import type { Program } from '@engine/formats/program-schema';
import type { ProgramIssue } from '@engine/validate';
import { ActionInspector } from './action-inspector';
import { EVENT_LABELS, LOCK_REASON } from './action-model';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor, useEditorView } from './editor-context';
import type { EditorNode } from './graph-types';
import { RuleInspector } from './rule-inspector';
import { plainMessage } from './sentences';

const TITLES = { event: 'Event', block: 'Block', rule: 'Rule', action: 'Action' } as const;

function EventFields({ event, locked, onChange }: { event: TriggerEvent; locked: boolean; onChange: (e: TriggerEvent) => void }) {
  return (
    <>
      <TextField select label="When" value={event} disabled={locked} helperText={locked ? LOCK_REASON : `Rules may use: ${EVENT_OBJECTS[event].join(', ')}`} onChange={(e) => onChange(e.target.value as TriggerEvent)}>
        {TRIGGER_EVENTS.map((e) => (
          <MenuItem key={e} value={e}>
            {EVENT_LABELS[e]}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
}

function NodeFields({ node, event, program, programId, locked }: { node: EditorNode; event: TriggerEvent; program: Program; programId: string; locked: boolean }) {
  const s = useEditor(useShallow((x) => ({ setEvent: x.setEvent, setBlockKind: x.setBlockKind, updateRule: x.updateRule, setAction: x.setAction })));
  switch (node.type) {
    case 'event':
      return <EventFields event={node.data.event} locked={locked} onChange={s.setEvent} />;
    case 'block':
      return (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <ToggleButtonGroup exclusive size="small" value={node.data.kind} disabled={locked} aria-label="Block kind" onChange={(_e, v: 'all' | 'any' | null) => v && s.setBlockKind(node.id, v)}>
            <ToggleButton value="all">AND (all)</ToggleButton>
            <ToggleButton value="any">OR (any)</ToggleButton>
          </ToggleButtonGroup>
          <Typography variant="caption" color="text.secondary">
            {locked ? LOCK_REASON : 'Connect rules and blocks from this block’s right handle; they are read top to bottom.'}
          </Typography>
        </Box>
      );
    case 'rule':
      return <RuleInspector rule={node.data.rule} event={event} program={program} locked={locked} onChange={(r) => s.updateRule(node.id, r)} />;
    case 'action':
      return <ActionInspector programId={programId} action={node.data.action} event={event} program={program} locked={locked} onChange={s.setAction} />;
    default: {
      const never: never = node;
      return never;
    }
  }
}

export function Inspector({ program, programId, locked, issues }: { program: Program; programId: string; locked: boolean; issues: Map<string, ProgramIssue[]> }) {
  const nodes = useEditor((s) => s.nodes);
  const chosen = useEditorView((s) => s.nodes);
  const selected = useMemo(() => nodes.filter((n) => chosen.has(n.id)), [nodes, chosen]);
  const setEvent = useEditor((s) => s.setEvent);
  const name = useEditor((s) => s.meta.name);
  const setName = useEditor((s) => s.setName);
  const event = useEditor((s) => s.nodes.find((n) => n.type === 'event'));
  const eventType: TriggerEvent = event?.type === 'event' ? event.data.event : 'transaction.created';
  const node = selected.length === 1 ? selected[0] : undefined;
  return (
    <Box component="aside" aria-label="Inspector" sx={{ width: { xs: 300, xl: 360 }, flexShrink: 0, borderLeft: 1, borderColor: 'divider', bgcolor: 'background.paper', overflowY: 'auto', p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="overline" color="text.secondary">
        {node ? `Inspector · ${TITLES[node.type]}` : 'Inspector · Trigger'}
      </Typography>
      {!node && <TextField label="Trigger name (internal)" value={name} onChange={(e) => setName(e.target.value)} />}
      {!node && <EventFields event={eventType} locked={locked} onChange={setEvent} />}
      {!node && (
        <Typography variant="body2" color="text.secondary">
          {selected.length > 1 ? `${selected.length} nodes selected.` : 'Select a node on the canvas to edit it.'}
        </Typography>
      )}
      {node && <NodeFields node={node} event={eventType} program={program} programId={programId} locked={locked} />}
      {node &&
        (issues.get(node.id) ?? []).map((i, k) => (
          <Typography key={k} variant="body2" color={i.severity === 'error' ? 'error' : 'warning.main'}>
            {plainMessage(i.message)}
          </Typography>
        ))}
    </Box>
  );
}
