/**
 * The canvas's node components, one per node type; `nodeTypes` is what React Flow renders.
 *
 * Nodes are plain divs with inline styles from the theme (no MUI components or `sx` per node):
 * an overview draws hundreds of them and mounts them as they scroll into view. Zoomed out, the
 * canvas root gets the `of-lod` class (see `level-of-detail.ts`) and `canvas.css` hides the
 * nodes' text and handles, so nothing re-renders when the zoom changes.
 */
import BoltIcon from '@mui/icons-material/Bolt';
import ErrorOutlinedIcon from '@mui/icons-material/ErrorOutlined';
import LockIcon from '@mui/icons-material/Lock';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Tooltip } from '@mui/material';
import { alpha, useTheme, type Theme } from '@mui/material/styles';
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, type CSSProperties, type ReactNode } from 'react';
import { ACTION_LABELS, actionSentence, EVENT_LABELS } from './action-model';
import { useCanvasInfo } from './canvas-context';
import type { ActionNode, BlockNode, EventNode, RuleNode } from './graph-types';
import { plainMessage, ruleSentence } from './sentences';
import './canvas.css';

export type Tone = 'event' | 'block' | 'rule' | 'action';

/** The few text styles and colours the nodes use, computed once per theme. */
interface NodeStyles {
  tone: Record<Tone, string>;
  title: CSSProperties;
  body: CSSProperties;
  caption: CSSProperties;
  secondary: string;
  paper: string;
  error: string;
  success: string;
  selected: string;
}

const cache = new WeakMap<Theme, NodeStyles>();
/** Node text sizes at zoom 1: the least the editor's readability allows, and the body's. */
const NODE_SMALL_PX = 12;
const NODE_BODY_PX = 14;

function text(t: Theme['typography']['body2']): CSSProperties {
  return { fontFamily: t.fontFamily, fontWeight: t.fontWeight, fontSize: t.fontSize, lineHeight: t.lineHeight, letterSpacing: t.letterSpacing, margin: 0 };
}

export function useNodeStyles(): NodeStyles {
  const theme = useTheme();
  let s = cache.get(theme);
  if (!s) {
    const p = theme.palette;
    s = {
      tone: { event: p.info.main, block: p.secondary.main, rule: p.primary.main, action: p.success.main },
      // In px, not the theme's rem: at zoom 1 no node text may be under 12 px (the theme's
      // caption and overline are 11.1 px with its 13 px base).
      title: { ...text(theme.typography.overline), fontSize: NODE_SMALL_PX, textTransform: 'uppercase', lineHeight: 1.6, fontWeight: 700 },
      body: { ...text(theme.typography.body2), fontSize: NODE_BODY_PX, color: p.text.primary },
      caption: { ...text(theme.typography.caption), fontSize: NODE_SMALL_PX, color: p.text.secondary },
      secondary: p.text.secondary,
      paper: p.background.paper,
      error: p.error.main,
      success: p.success.main,
      selected: alpha(p.primary.main, 0.45),
    };
    cache.set(theme, s);
  }
  return s;
}

function Issues({ id }: { id: string }) {
  const list = useCanvasInfo().issues.get(id) ?? [];
  if (list.length === 0) return null;
  const errors = list.filter((i) => i.severity === 'error');
  const Icon = errors.length > 0 ? ErrorOutlinedIcon : WarningAmberIcon;
  const words = list.map((i) => plainMessage(i.message));
  return (
    <Tooltip title={words.join(' · ')}>
      <span role="img" aria-label={`${list.length} problem${list.length === 1 ? '' : 's'}: ${words.join('; ')}`} style={{ display: 'inline-flex' }}>
        <Icon fontSize="small" color={errors.length > 0 ? 'error' : 'warning'} />
      </span>
    </Tooltip>
  );
}

function Shell(props: { id: string; tone: Tone; title: string; children: ReactNode; selected: boolean; target: boolean; source: boolean; then?: boolean; width?: number }) {
  const s = useNodeStyles();
  const { locked, issues, verdicts, notes } = useCanvasInfo();
  const note = notes?.get(props.id);
  const tone = s.tone[props.tone];
  const verdict = verdicts?.get(props.id);
  const hasError = (issues.get(props.id) ?? []).some((i) => i.severity === 'error');
  const border = verdict === true ? s.success : verdict === false ? s.error : hasError ? s.error : tone;
  const handle = { width: 14, height: 14, background: tone };
  return (
    <div
      data-testid={`node-${props.id}`}
      className="of-node"
      style={{
        width: props.width ?? 210,
        background: verdict === undefined ? s.paper : alpha(border, 0.12),
        borderColor: border,
        boxShadow: props.selected ? `0 0 0 3px ${s.selected}` : undefined,
        opacity: verdicts && verdict === undefined ? 0.55 : undefined,
      }}
    >
      {props.target && <Handle type="target" position={Position.Left} style={handle} />}
      <div className="of-node-head" style={{ background: alpha(tone, 0.14) }}>
        <span className="of-node-title" style={s.title}>
          {props.title}
        </span>
        <Issues id={props.id} />
        {locked && <LockIcon fontSize="small" titleAccess="Locked" color="action" />}
      </div>
      <div className="of-node-body">
        {props.children}
        {note && (
          <div style={{ ...s.caption, marginTop: 4, fontWeight: 600, color: verdict === false ? s.error : s.success }}>
            {note}
          </div>
        )}
      </div>
      {props.source && <Handle type="source" id="out" position={Position.Right} style={handle} />}
      {props.then && <Handle type="source" id="then" position={Position.Top} title="then: drag onto the Action" style={{ ...handle, opacity: 0.7 }} />}
    </div>
  );
}

export const EventNodeView = memo(function EventNodeView({ id, data, selected }: NodeProps<EventNode>) {
  const s = useNodeStyles();
  return (
    <Shell id={id} tone="event" title="Event" selected={selected} target={false} source>
      <p style={{ ...s.body, display: 'flex', alignItems: 'center', gap: 4 }}>
        <BoltIcon fontSize="small" color="info" />
        {EVENT_LABELS[data.event]}
      </p>
    </Shell>
  );
});

export const BlockNodeView = memo(function BlockNodeView({ id, data, selected }: NodeProps<BlockNode>) {
  const s = useNodeStyles();
  return (
    <Shell id={id} tone="block" title={data.kind === 'all' ? 'AND block' : 'OR block'} selected={selected} target source then width={170}>
      <p style={{ ...s.body, color: s.secondary }}>{data.kind === 'all' ? 'Every rule below must pass' : 'At least one rule below must pass'}</p>
    </Shell>
  );
});

export const RuleNodeView = memo(function RuleNodeView({ id, data, selected }: NodeProps<RuleNode>) {
  const s = useNodeStyles();
  const { program } = useCanvasInfo();
  const filters = data.rule.filters ?? [];
  return (
    <Shell id={id} tone="rule" title="Rule" selected={selected} target source then>
      <p style={s.body}>{ruleSentence(data.rule, program)}</p>
      {filters.map((f, i) => (
        <div key={i} style={{ ...s.caption, paddingLeft: 12 }}>
          where {ruleSentence(f, program)}
        </div>
      ))}
    </Shell>
  );
});

export const ActionNodeView = memo(function ActionNodeView({ id, data, selected }: NodeProps<ActionNode>) {
  const s = useNodeStyles();
  return (
    <Shell id={id} tone="action" title={ACTION_LABELS[data.action.type]} selected={selected} target source={false}>
      <p style={s.body}>{actionSentence(data.action)}</p>
    </Shell>
  );
});

export const nodeTypes = {
  event: EventNodeView,
  block: BlockNodeView,
  rule: RuleNodeView,
  action: ActionNodeView,
} satisfies NodeTypes;
