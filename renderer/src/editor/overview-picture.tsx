/**
 * The overview's trigger nodes and edges as one static picture, drawn instead of React Flow
 * nodes while the canvas is zoomed out (below `LOD_ZOOM`, see level-of-detail.ts).
 *
 * Zoomed out, nodes show no text anyway (canvas.css hides it), but as React Flow nodes each of
 * the 500 costs a wrapper and its handles subscribed to the flow's store (run on every pan and
 * zoom step), a DOM subtree to lay out, hit-test and layerise, and each edge a subscriber that
 * recomputes its path. Here nodes are drawn as the same outlines (paper fill, coloured border,
 * tinted head) and edges as the same smooth-step paths, a few SVG paths in all, inside the
 * viewport (so they pan and zoom with it) and computed once per graph. Lane headers stay React
 * Flow nodes, so lanes can still be dragged to reorder them.
 */
import { alpha } from '@mui/material/styles';
import { memo, useMemo } from 'react';
import { useCanvasInfo } from './canvas-context';
import type { EditorEdge } from './graph-types';
import { useNodeStyles } from './node-views';
import { NODE_BORDER as BORDER, NODE_HEAD as HEAD, NODE_RADIUS as RADIUS, pictureBoxes, picturePath, type OverviewNode, type PictureBox } from './overview-map';

/** A rounded rectangle as path commands (the outline of a node, on the middle of its border). */
function outline(b: PictureBox): string {
  const x = b.x + BORDER / 2;
  const y = b.y + BORDER / 2;
  const w = b.width - BORDER;
  const h = b.height - BORDER;
  const r = Math.min(RADIUS - BORDER / 2, w / 2, h / 2);
  return `M${x + r},${y}h${w - 2 * r}a${r},${r} 0 0 1 ${r},${r}v${h - 2 * r}a${r},${r} 0 0 1 ${-r},${r}h${-(w - 2 * r)}a${r},${r} 0 0 1 ${-r},${-r}v${-(h - 2 * r)}a${r},${r} 0 0 1 ${r},${-r}z`;
}

/** A node's tinted head band inside its border, its top corners following the border's. */
function head(b: PictureBox): string {
  const x = b.x + BORDER;
  const y = b.y + BORDER;
  const w = b.width - 2 * BORDER;
  const r = Math.min(RADIUS - BORDER, w / 2);
  const h = Math.min(HEAD, b.height - 2 * BORDER);
  return `M${x},${y + r}a${r},${r} 0 0 1 ${r},${-r}h${w - 2 * r}a${r},${r} 0 0 1 ${r},${r}v${h - r}h${-w}z`;
}

function samePictureNodes(a: readonly OverviewNode[], b: readonly OverviewNode[]): boolean {
  if (a.length !== b.length) return false;
  // React Flow's changes copy only the nodes they change: a dragged lane header leaves the rest as is.
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i] && (a[i]?.type !== 'lane' || b[i]?.type !== 'lane')) return false;
  return true;
}

export const OverviewPicture = memo(
  function OverviewPicture({ nodes, edges }: { nodes: readonly OverviewNode[]; edges: readonly EditorEdge[] }) {
    const s = useNodeStyles();
    const { issues } = useCanvasInfo();
    const picture = useMemo(() => {
      const boxes = pictureBoxes(nodes);
      // One path per fill and border colour: a handful of elements for hundreds of nodes.
      const groups = new Map<string, { border: string; tone: string; outlines: string[]; heads: string[] }>();
      for (const b of boxes) {
        const tone = s.tone[b.tone];
        const border = (issues.get(b.id) ?? []).some((i) => i.severity === 'error') ? s.error : tone;
        const key = `${tone} ${border}`;
        const g = groups.get(key) ?? groups.set(key, { border, tone, outlines: [], heads: [] }).get(key);
        g?.outlines.push(outline(b));
        g?.heads.push(head(b));
      }
      return { count: boxes.length, groups: [...groups.values()], edges: picturePath(edges, boxes) };
    }, [nodes, edges, s, issues]);
    return (
      <svg className="of-picture" data-nodes={picture.count} aria-hidden="true" width={1} height={1}>
        <path className="of-picture-edges" d={picture.edges} />
        {picture.groups.map((g) => (
          <g key={`${g.tone} ${g.border}`}>
            <path d={g.outlines.join('')} fill={s.paper} stroke={g.border} strokeWidth={BORDER} />
            <path d={g.heads.join('')} fill={alpha(g.tone, 0.14)} />
          </g>
        ))}
      </svg>
    );
  },
  (a, b) => a.edges === b.edges && samePictureNodes(a.nodes, b.nodes),
);
