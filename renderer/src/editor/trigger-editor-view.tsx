/** One trigger's editor: palette, canvas, inspector and problems, with its store and saver. */
import { Box, Typography } from '@mui/material';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { Trigger } from '@engine/formats/program-schema';
import type { ProgramDoc } from '@service/contract';
import { useStore } from 'zustand';
import { useLeaveGuard } from '../app/leave-guard';
import { useClient } from '../app/client-context';
import { ViewFrame } from '../app/view-frame';
import { isLocked } from './action-model';
import { Canvas } from './canvas';
import { CanvasInfoContext } from './canvas-context';
import { EditorStoreProvider, useEditor } from './editor-context';
import { EditorBar } from './editor-bar';
import { closeEditor, openEditor, type OpenEditor } from './editor-registry';
import { Inspector } from './inspector';
import { Palette } from './palette';
import type { Persistence } from './persistence';
import { ProblemsList } from './problems-list';
import { triggerSentence } from './sentences';
import { useLifecycle } from './use-lifecycle';
import { useTriggerIssues } from './use-trigger-issues';
import { dataChanged } from '../client/query-cache';

function EditorLayout({ doc, persistence }: { doc: ProgramDoc; persistence: Persistence }) {
  const client = useClient();
  const meta = useEditor((s) => s.meta);
  const locked = isLocked(meta.status);
  const report = useTriggerIssues(doc.program, meta.id);
  const life = useLifecycle(client, doc.id, persistence, report);
  const info = useMemo(() => ({ issues: report.byNode, locked, program: doc.program }), [report.byNode, locked, doc.program]);
  const sentence = report.reading.ok ? triggerSentence(report.reading.trigger, doc.program) : report.reading.reason;
  return (
    <ViewFrame title={meta.name || 'Untitled trigger'} subtitle={sentence} actions={<EditorBar life={life} timeZone={doc.program.timeZone} />} padded={false}>
      <CanvasInfoContext.Provider value={info}>
        <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
            <Canvas locked={locked} palette={locked ? null : <Palette />} />
            <ProblemsList report={report} />
          </Box>
          <Inspector program={doc.program} programId={doc.id} locked={locked} issues={report.byNode} />
        </Box>
      </CanvasInfoContext.Provider>
    </ViewFrame>
  );
}

/** Leaving a trigger keeps its canvas (see editor-registry.ts) unless the store refused it. */
function useEditorLeaveGuard(editor: OpenEditor, programId: string) {
  const save = useStore(editor.store, (s) => s.save);
  const name = useStore(editor.store, (s) => s.meta.name);
  const id = useStore(editor.store, (s) => s.meta.id);
  useLeaveGuard(`trigger:${id}`, save.status === 'error' ? `“${name}” is not saved: ${save.message.replace(/^Not saved: /, '')}` : null, () => closeEditor(programId, id));
}

function TriggerEditor({ doc, trigger }: { doc: ProgramDoc; trigger: Trigger }) {
  const client = useClient();
  const [editor] = useState<OpenEditor>(() => openEditor(trigger, { client, programId: doc.id, onSaved: () => dataChanged('program') }));
  const { store, persistence } = editor;
  // Leaving saves what is pending at once; the saver itself keeps running (the store is kept).
  useEffect(() => () => void persistence.flush(), [persistence]);
  useEditorLeaveGuard(editor, doc.id);
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
