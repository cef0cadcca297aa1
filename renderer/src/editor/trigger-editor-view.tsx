/** One trigger's editor: palette, canvas, inspector and problems, with its store and saver. */
import { Box, Typography } from '@mui/material';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { Trigger } from '../../../engine/formats/program-schema';
import type { ProgramDoc } from '../../../service/contract';
import { useAppStore } from '../app/app-store';
import { useClient } from '../app/client-context';
import { ViewFrame } from '../app/view-frame';
import { isLocked, LOCK_REASON } from './action-model';
import { Canvas } from './canvas';
import { CanvasInfoContext } from './canvas-context';
import { EditorStoreProvider, useEditor } from './editor-context';
import { EditorBar } from './editor-bar';
import { createEditorStore, type EditorStore } from './editor-store';
import { Inspector } from './inspector';
import { Palette } from './palette';
import { startPersistence, type Persistence } from './persistence';
import { ProblemsList } from './problems-list';
import { useLifecycle } from './use-lifecycle';
import { useTriggerIssues } from './use-trigger-issues';

function EditorLayout({ doc, persistence }: { doc: ProgramDoc; persistence: Persistence | null }) {
  const client = useClient();
  const meta = useEditor((s) => s.meta);
  const locked = isLocked(meta.status);
  const report = useTriggerIssues(doc.program, meta.id);
  const life = useLifecycle(client, doc.id, persistence, report);
  const info = useMemo(() => ({ issues: report.byNode, locked }), [report.byNode, locked]);
  return (
    <ViewFrame title={meta.name || 'Untitled trigger'} subtitle={`${doc.program.name} · trigger ${meta.id}`} actions={<EditorBar life={life} />} padded={false}>
      <CanvasInfoContext.Provider value={info}>
        <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
            <Canvas locked={locked} palette={<Palette disabledReason={locked ? LOCK_REASON : null} />} />
            <ProblemsList report={report} />
          </Box>
          <Inspector program={doc.program} programId={doc.id} locked={locked} issues={report.byNode} />
        </Box>
      </CanvasInfoContext.Provider>
    </ViewFrame>
  );
}

function TriggerEditor({ doc, trigger }: { doc: ProgramDoc; trigger: Trigger }) {
  const client = useClient();
  const [store] = useState<EditorStore>(() => createEditorStore(trigger));
  const [persistence, setPersistence] = useState<Persistence | null>(null);
  useEffect(() => {
    const p = startPersistence(store, { client, programId: doc.id, onSaved: () => useAppStore.getState().bumpRevision() });
    setPersistence(p);
    return () => {
      void p.flush().then(() => p.stop());
    };
  }, [store, client, doc.id]);
  return (
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <EditorLayout doc={doc} persistence={persistence} />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

/** The editor of one trigger; the store is made once, when the trigger is first found. */
export function TriggerEditorView({ doc, triggerId }: { doc: ProgramDoc; triggerId: string }) {
  const trigger = doc.program.triggers.find((t) => t.id === triggerId);
  if (!trigger) {
    return (
      <ViewFrame title="Trigger not found">
        <Typography color="text.secondary">No trigger “{triggerId}” in this program. It may have been deleted.</Typography>
      </ViewFrame>
    );
  }
  return <TriggerEditor doc={doc} trigger={trigger} />;
}
