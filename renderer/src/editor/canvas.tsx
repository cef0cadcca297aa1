/** The trigger canvas: React Flow wired to the editor store; no logic beyond wiring. */
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import ContentPasteIcon from '@mui/icons-material/ContentPaste';
import LockIcon from '@mui/icons-material/Lock';
import { Alert, Box } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { Background, ControlButton, Controls, MiniMap, Panel, ReactFlow, useNodesInitialized, useReactFlow, type IsValidConnection, type OnConnectEnd } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import '@xyflow/react/dist/style.css';
import { useNotify } from '../app/notify';
import { isTyping } from '../app/shortcuts';
import { lockReason } from './action-model';
import { connectionProblem } from './connection-rules';
import { useEditor, useEditorStoreApi } from './editor-context';
import type { PaletteItem } from './graph-slice';
import type { EditorEdge } from './graph-types';
import { useCanvasInfo } from './canvas-context';
import { useEditorFit } from './editor-fit';
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

export function Canvas({ locked, palette }: { locked: boolean; palette: ReactNode }) {
  const store = useEditorStoreApi();
  const { nodes, edges } = useEditor(useShallow((s) => ({ nodes: s.nodes, edges: s.edges })));
  const { screenToFlowPosition } = useReactFlow();
  const notify = useNotify((s) => s.show);
  const theme = useTheme();
  const zoomedOut = useZoomedOut();
  const editorFit = useEditorFit();
  const fit = useCallback(() => editorFit(), [editorFit]);
  const layout = useCallback(() => {
    store.getState().autoLayout();
    requestAnimationFrame(fit);
  }, [store, fit]);
  useEditorKeys(fit, layout);
  // The first layout guessed node heights; once drawn, lay out again with the real ones (once
  // per trigger: coming back to a trigger keeps where the person put its nodes).
  const initialized = useNodesInitialized();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!initialized || shown) return;
    setShown(true);
    store.getState().relayoutMeasured();
    requestAnimationFrame(() => editorFit(undefined, 0));
  }, [initialized, shown, store, editorFit]);

  const program = useCanvasInfo().program;
  const status = useEditor((s) => s.meta.status);
  // Screen readers announce a node by its words, not "Draggable item n3".
  const labelled = useMemo(() => nodes.map((n) => ({ ...n, ariaLabel: nodeWords(n, program) })), [nodes, program]);
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
        edges={edges.map(edgeStyle)}
        nodeTypes={nodeTypes}
        onNodesChange={store.getState().onNodesChange}
        onEdgesChange={store.getState().onEdgesChange}
        onConnect={(c) => {
          const problem = store.getState().connect(c);
          if (problem) notify(problem, 'error');
        }}
        onConnectEnd={onConnectEnd}
        onNodeDragStart={() => store.getState().checkpoint()}
        isValidConnection={isValidConnection}
        nodesConnectable={!locked}
        deleteKeyCode={null}
        colorMode={theme.palette.mode}
        minZoom={0.1}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        proOptions={{ hideAttribution: true }}
      >
        {!zoomedOut && <Background gap={20} />}
        <Panel position="top-left">{palette}</Panel>
        <MiniMap pannable zoomable ariaLabel="Minimap" position="bottom-right" style={{ width: 140, height: 90, opacity: 0.85 }} />
        <Controls onFitView={fit}>
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
