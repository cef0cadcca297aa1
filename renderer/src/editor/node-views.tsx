/** The canvas's node components, one per node type; `nodeTypes` is what React Flow renders. */
import BoltIcon from '@mui/icons-material/Bolt';
import ErrorOutlinedIcon from '@mui/icons-material/ErrorOutlined';
import LockIcon from '@mui/icons-material/Lock';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box, Tooltip, Typography } from '@mui/material';
import { alpha, useTheme } from '@mui/material/styles';
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import type { ReactNode } from 'react';
import { ACTION_LABELS, actionSentence, EVENT_LABELS } from './action-model';
import { useCanvasInfo } from './canvas-context';
import type { ActionNode, BlockNode, EventNode, RuleNode } from './graph-types';
import { ruleSentence } from './inspector-model';

type Tone = 'event' | 'block' | 'rule' | 'action';

function Issues({ id }: { id: string }) {
  const list = useCanvasInfo().issues.get(id) ?? [];
  if (list.length === 0) return null;
  const errors = list.filter((i) => i.severity === 'error');
  const Icon = errors.length > 0 ? ErrorOutlinedIcon : WarningAmberIcon;
  return (
    <Tooltip title={list.map((i) => i.message).join(' · ')}>
      <Box component="span" role="img" aria-label={`${list.length} problem${list.length === 1 ? '' : 's'}: ${list.map((i) => i.message).join('; ')}`} sx={{ display: 'inline-flex' }}>
        <Icon fontSize="small" color={errors.length > 0 ? 'error' : 'warning'} />
      </Box>
    </Tooltip>
  );
}

function Shell(props: { id: string; tone: Tone; title: string; body: ReactNode; selected: boolean; target: boolean; source: boolean; then?: boolean; width?: number }) {
  const theme = useTheme();
  const { locked, issues, verdicts, notes } = useCanvasInfo();
  const note = notes?.get(props.id);
  const colors: Record<Tone, string> = {
    event: theme.palette.info.main,
    block: theme.palette.secondary.main,
    rule: theme.palette.primary.main,
    action: theme.palette.success.main,
  };
  const verdict = verdicts?.get(props.id);
  const hasError = (issues.get(props.id) ?? []).some((i) => i.severity === 'error');
  const border = verdict === true ? theme.palette.success.main : verdict === false ? theme.palette.error.main : hasError ? theme.palette.error.main : colors[props.tone];
  return (
    <Box
      data-testid={`node-${props.id}`}
      sx={{
        width: props.width ?? 210,
        bgcolor: verdict === undefined ? 'background.paper' : alpha(border, 0.12),
        border: 2,
        borderColor: border,
        borderRadius: 2,
        boxShadow: props.selected ? `0 0 0 3px ${alpha(theme.palette.primary.main, 0.45)}` : 'none',
        opacity: verdicts && verdict === undefined ? 0.55 : 1,
      }}
    >
      {props.target && <Handle type="target" position={Position.Left} style={{ width: 12, height: 12, background: colors[props.tone] }} />}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, px: 1, py: 0.5, bgcolor: alpha(colors[props.tone], 0.14), borderTopLeftRadius: 6, borderTopRightRadius: 6 }}>
        <Typography variant="overline" sx={{ flex: 1, lineHeight: 1.6, fontWeight: 700 }} noWrap>
          {props.title}
        </Typography>
        <Issues id={props.id} />
        {locked && <LockIcon fontSize="small" titleAccess="Locked" color="action" />}
      </Box>
      <Box sx={{ px: 1, py: 0.75 }}>
        {props.body}
        {note && (
          <Typography variant="caption" component="div" sx={{ mt: 0.5, fontWeight: 600, color: verdict === false ? 'error.main' : 'success.main' }}>
            {note}
          </Typography>
        )}
      </Box>
      {props.source && <Handle type="source" id="out" position={Position.Right} style={{ width: 12, height: 12, background: colors[props.tone] }} />}
      {props.then && <Handle type="source" id="then" position={Position.Top} isConnectable={false} style={{ width: 6, height: 6, opacity: 0 }} />}
    </Box>
  );
}

export function EventNodeView({ id, data, selected }: NodeProps<EventNode>) {
  const body = (
    <Typography variant="body2" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      <BoltIcon fontSize="small" color="info" />
      {EVENT_LABELS[data.event]}
    </Typography>
  );
  return <Shell id={id} tone="event" title="Event" body={body} selected={selected} target={false} source />;
}

export function BlockNodeView({ id, data, selected }: NodeProps<BlockNode>) {
  const body = (
    <Typography variant="body2" color="text.secondary">
      {data.kind === 'all' ? 'Every rule below must pass' : 'At least one rule below must pass'}
    </Typography>
  );
  return <Shell id={id} tone="block" title={data.kind === 'all' ? 'AND block' : 'OR block'} body={body} selected={selected} target source then width={170} />;
}

export function RuleNodeView({ id, data, selected }: NodeProps<RuleNode>) {
  const filters = data.rule.filters ?? [];
  const body = (
    <>
      <Typography variant="body2">{ruleSentence(data.rule)}</Typography>
      {filters.map((f, i) => (
        <Typography key={i} variant="caption" color="text.secondary" component="div" sx={{ pl: 1.5 }}>
          where {ruleSentence(f)}
        </Typography>
      ))}
    </>
  );
  return <Shell id={id} tone="rule" title="Rule" body={body} selected={selected} target source then />;
}

export function ActionNodeView({ id, data, selected }: NodeProps<ActionNode>) {
  const body = <Typography variant="body2">{actionSentence(data.action)}</Typography>;
  return <Shell id={id} tone="action" title={ACTION_LABELS[data.action.type]} body={body} selected={selected} target source={false} />;
}

export const nodeTypes = {
  event: EventNodeView,
  block: BlockNodeView,
  rule: RuleNodeView,
  action: ActionNodeView,
} satisfies NodeTypes;
