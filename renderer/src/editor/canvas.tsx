/** The trigger canvas: React Flow wired to the editor store; no logic beyond wiring. */
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import ContentPasteIcon from '@mui/icons-material/ContentPaste';
import LockIcon from '@mui/icons-material/Lock';
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { Background, ControlButton, Controls, MiniMap, Panel, ReactFlow, useNodesInitialized, useReactFlow, type IsValidConnection, type OnConnectEnd } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import '@xyflow/react/dist/style.css';
import { useNotify } from '../app/notify';
import { isTyping } from '../app/shortcuts';
import { lockReason } from './action-model';
import { connectionProblem } from './connection-rules';
import { useEditor, useEditorStoreApi, useEditorView } from './editor-context';
import { drawnEdges, drawnNodes } from './editor-view';
import type { PaletteItem } from './graph-slice';
import type { EditorEdge } from './graph-types';
import { useCanvasInfo } from './canvas-context';
import { FIT_PADDING, LOCKED_FIT_PADDING, useEditorFit, WHOLE_TREE_MIN_ZOOM } from './editor-fit';
import { LOD_CLASS, useZoomedOut } from './level-of-detail';
import { nodeWords } from './sentences';
import { nodeTypes } from './node-views';
import { PALETTE_MIME } from './palette';

function useEditorKeys(fit: () => void, layout: () => void) {
  const store = useEditorStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e)) return;
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && k === 'z' && !e.shiftKey) s.undo();
      else if (mod && ((k === 'z' && e.shiftKey) || k === 'y')) s.redo();
      else if (mod && k === 'c' && !e.shiftKey) {
        if (!s.copySelected()) return;
      } else if (mod && k === 'v' && !e.shiftKey) {
        if (!s.paste()) return;
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) s.removeSelected();
      else if (!mod && e.shiftKey && k === 'l') layout();
      else if (!mod && e.shiftKey && k === 'f') fit();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, fit, layout]);
}

function edgeStyle(e: EditorEdge): EditorEdge {
  return e.target === 'action' ? { ...e, animated: true, label: 'then' } : e;
}

/** The canvas; `palette` is left out for a locked trigger (nothing can be added to it). */
export function Canvas({ locked, palette }: { locked: boolean; palette: ReactNode | null }) {
  const store = useEditorStoreApi();
  const { nodes, edges } = useEditor(useShallow((s) => ({ nodes: s.nodes, edges: s.edges })));
  const view = useEditorView((s) => s);
  const { screenToFlowPosition } = useReactFlow();
  const notify = useNotify((s) => s.show);
  const theme = useTheme();
  const zoomedOut = useZoomedOut();
  const editorFit = useEditorFit(palette ? FIT_PADDING : LOCKED_FIT_PADDING);
  // Whether the readable fit (zoom 1) left part of the tree outside the view.
  const [cut, setCut] = useState(false);
  const fit = useCallback(() => setCut(!editorFit()), [editorFit]);
  const showAll = useCallback(() => {
    editorFit(undefined, 200, WHOLE_TREE_MIN_ZOOM);
    setCut(false);
  }, [editorFit]);
  const layout = useCallback(() => {
    store.getState().autoLayout();
    requestAnimationFrame(fit);
  }, [store, fit]);
  useEditorKeys(showAll, layout);
  // The first layout guessed node heights; once drawn, lay out again with the real ones (once
  // per trigger: coming back to a trigger keeps where the person put its nodes).
  const initialized = useNodesInitialized();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!initialized || shown) return;
    setShown(true);
    store.getState().relayoutMeasured();
    requestAnimationFrame(() => setCut(!editorFit(undefined, 0)));
  }, [initialized, shown, store, editorFit]);

  const program = useCanvasInfo().program;
  const status = useEditor((s) => s.meta.status);
  // Screen readers announce a node by its words, not "Draggable item n3".
  const labelled = useMemo(() => drawnNodes(nodes, view).map((n) => ({ ...n, ariaLabel: nodeWords(n, program) })), [nodes, view, program]);
  const isValidConnection: IsValidConnection = (c) => connectionProblem(c, store.getState().nodes, store.getState().edges) === null;
  const onConnectEnd: OnConnectEnd = (_e, state) => {
    if (state.isValid || !state.fromNode || !state.toNode) return;
    const problem = connectionProblem({ source: state.fromNode.id, target: state.toNode.id }, store.getState().nodes, store.getState().edges);
    if (problem) notify(problem, 'error');
  };
  const onDrop = (e: DragEvent) => {
    const item = e.dataTransfer.getData(PALETTE_MIME) as PaletteItem | '';
    if (!item) return;
    e.preventDefault();
    store.getState().addNode(item, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  };

  return (
    <Box sx={{ flex: 1, minWidth: 0, position: 'relative' }} onDragOver={(e) => (e.preventDefault(), (e.dataTransfer.dropEffect = 'move'))} onDrop={onDrop}>
      <ReactFlow
        className={zoomedOut ? LOD_CLASS : undefined}
        nodes={labelled}
        edges={drawnEdges(edges, view).map(edgeStyle)}
        nodeTypes={nodeTypes}
        onNodesChange={store.getState().onNodesChange}
        onEdgesChange={store.getState().onEdgesChange}
        onConnect={(c) => {
          const problem = store.getState().connect(c);
          if (problem) notify(problem, 'error');
        }}
        onConnectEnd={onConnectEnd}
        onNodeDragStart={() => store.getState().checkpoint()}
        onMoveStart={(e) => e && setCut(false)}
        isValidConnection={isValidConnection}
        nodesConnectable={!locked}
        deleteKeyCode={null}
        colorMode={theme.palette.mode}
        minZoom={0.1}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        proOptions={{ hideAttribution: true }}
      >
        {!zoomedOut && <Background gap={20} />}
        {palette && <Panel position="top-left">{palette}</Panel>}
        <MiniMap pannable zoomable ariaLabel="Minimap" position="bottom-right" style={{ width: 140, height: 90, opacity: 0.85 }} />
        <Controls onFitView={showAll}>
          <ControlButton onClick={layout} title="Auto-layout (Shift+L)" aria-label="Auto-layout">
            <AccountTreeIcon />
          </ControlButton>
          <ControlButton onClick={() => store.getState().copySelected()} title="Copy the selected nodes and what is inside them (Ctrl+C)" aria-label="Copy">
            <ContentCopyIcon />
          </ControlButton>
          <ControlButton onClick={() => store.getState().paste()} title="Paste into the selected block (Ctrl+V)" aria-label="Paste" disabled={locked}>
            <ContentPasteIcon />
          </ControlButton>
        </Controls>
        {cut && (
          <Panel position="bottom-center">
            <Paper elevation={2} role="status" aria-label="Part of the tree is outside the view" sx={{ display: 'flex', alignItems: 'center', gap: 1, pl: 1.5, pr: 0.5, py: 0.25, whiteSpace: 'nowrap' }}>
              <Typography variant="body2">Part of the tree is outside the view.</Typography>
              <Button size="small" onClick={showAll} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
                Show the whole tree
              </Button>
            </Paper>
          </Panel>
        )}
        {locked && (
          <Panel position="top-center">
            <Alert severity="info" icon={<LockIcon fontSize="small" />} sx={{ py: 0, px: 1, fontSize: 12, maxWidth: 460 }}>
              {lockReason(status)}
            </Alert>
          </Panel>
        )}
      </ReactFlow>
    </Box>
  );
}
