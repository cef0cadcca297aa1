/**
 * Evaluation order of one event type: a sortable list (mouse and keyboard, @dnd-kit), saved at
 * once through `triggers.reorder`, with the seed's double-reward warning beside the pair.
 */
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { Alert, Box, Chip, List, ListItem, Paper, Tab, Tabs, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { TRIGGER_EVENTS, type TriggerEvent } from '@engine/catalogue';
import type { Trigger } from '@engine/formats/program-schema';
import { evaluationOrderOf } from '@engine/order';
import { doubleRewardWarnings } from '@engine/validate';
import type { ProgramDoc } from '@service/contract';
import { useAppStore } from '../app/app-store';
import { useClient } from '../app/client-context';
import { useNotify } from '../app/notify';
import { ViewFrame } from '../app/view-frame';
import { actionSentence, EVENT_LABELS } from './action-model';
import { OverviewCanvas } from './overview-canvas';
import { dataChanged } from '../client/query-cache';

function SortableTrigger({ trigger, position, warnings }: { trigger: Trigger; position: number; warnings: string[] }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: trigger.id });
  return (
    // Translate only: dnd-kit scales the dragged row to the size of the row under it (rows with a
    // warning are taller), which squashed or stretched the row being dragged.
    <ListItem ref={setNodeRef} disablePadding sx={{ transform: CSS.Translate.toString(transform), transition, zIndex: isDragging ? 2 : 'auto', mb: 0.75, display: 'block' }}>
      <Paper variant="outlined" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 1.5, py: 0.75, boxShadow: isDragging ? 6 : 0 }}>
        <Box {...attributes} {...listeners} role="button" aria-label={`Reorder ${trigger.name}`} aria-roledescription="sortable trigger" sx={{ cursor: 'grab', display: 'flex', color: 'text.secondary', '&:focus-visible': { outline: 2, outlineColor: 'primary.main' } }}>
          <DragIndicatorIcon />
        </Box>
        <Typography sx={{ width: 28, fontWeight: 700 }} color="text.secondary">
          {position}.
        </Typography>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography noWrap sx={{ fontWeight: 600 }}>
            {trigger.name}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {actionSentence(trigger.action)}
          </Typography>
        </Box>
        <Chip size="small" label={trigger.status} color={trigger.status === 'active' ? 'success' : trigger.status === 'inactive' ? 'warning' : 'default'} variant={trigger.status === 'draft' ? 'outlined' : 'filled'} />
      </Paper>
      {warnings.map((w, i) => (
        <Alert key={i} severity="warning" sx={{ mt: 0.5 }} role="alert">
          {w}
        </Alert>
      ))}
    </ListItem>
  );
}

export function EvaluationOrderView({ doc, event }: { doc: ProgramDoc; event: TriggerEvent }) {
  const client = useClient();
  const notify = useNotify((s) => s.show);
  const go = useAppStore((s) => s.go);
  const saved = useMemo(() => evaluationOrderOf(doc.program)[event].map((t) => t.id), [doc.program, event]);
  const [order, setOrder] = useState(saved);
  useEffect(() => setOrder(saved), [saved]);
  const byId = new Map(doc.program.triggers.map((t) => [t.id, t]));
  const warnings = doubleRewardWarnings({ ...doc.program, evaluationOrder: { ...doc.program.evaluationOrder, [event]: order } });
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const events = TRIGGER_EVENTS.filter((e) => doc.program.triggers.some((t) => t.event === e));

  const [mode, setMode] = useState<'list' | 'lanes'>('list');
  // Screen readers hear trigger names and places, not "Draggable item trigger-5".
  const nameOf = (id: UniqueIdentifier) => byId.get(String(id))?.name ?? String(id);
  const place = (id: UniqueIdentifier) => `place ${order.indexOf(String(id)) + 1} of ${order.length}`;
  const accessibility = {
    screenReaderInstructions: { draggable: 'To move a trigger, press Space or Enter, move it with the arrow keys, then press Space or Enter to drop it there, or Escape to cancel.' },
    announcements: {
      onDragStart: ({ active }: { active: { id: UniqueIdentifier } }) => `Picked up ${nameOf(active.id)}, at ${place(active.id)}.`,
      onDragOver: ({ active, over }: { active: { id: UniqueIdentifier }; over: { id: UniqueIdentifier } | null }) => (over ? `${nameOf(active.id)} is over ${place(over.id)}.` : `${nameOf(active.id)} is not over a place.`),
      onDragEnd: ({ active, over }: { active: { id: UniqueIdentifier }; over: { id: UniqueIdentifier } | null }) => (over ? `${nameOf(active.id)} dropped at ${place(over.id)}.` : `${nameOf(active.id)} dropped where it was.`),
      onDragCancel: ({ active }: { active: { id: UniqueIdentifier } }) => `Moving ${nameOf(active.id)} was cancelled; it stays at ${place(active.id)}.`,
    },
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    void save(arrayMove(order, order.indexOf(String(active.id)), order.indexOf(String(over.id))));
  };
  const save = async (next: string[]) => {
    setOrder(next);
    const r = await client.send('triggers.reorder', { programId: doc.id, event, order: next });
    if (!r.ok) {
      setOrder(saved);
      notify(r.error.message, 'error');
      return;
    }
    dataChanged('program');
    notify('Evaluation order saved');
  };

  return (
    <ViewFrame title="Evaluation order" subtitle={`${doc.program.name} · ${EVENT_LABELS[event]}`}>
      <Tabs value={events.includes(event) ? event : false} onChange={(_e, v: TriggerEvent) => go({ kind: 'order', event: v })} variant="scrollable" sx={{ mb: 2 }}>
        {events.map((e) => (
          <Tab key={e} value={e} label={EVENT_LABELS[e]} />
        ))}
      </Tabs>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 720 }}>
        Triggers on “{EVENT_LABELS[event]}” are evaluated top to bottom, and each sees what the earlier ones changed. Drag a handle to reorder, or focus it and press Space, the arrow keys, then Space again. The order is saved at once and every replay uses it.
      </Typography>
      <ToggleButtonGroup exclusive size="small" value={mode} onChange={(_e, v: 'list' | 'lanes' | null) => v && setMode(v)} aria-label="Show as" sx={{ mb: 2 }}>
        <ToggleButton value="list">List</ToggleButton>
        <ToggleButton value="lanes">Lanes canvas</ToggleButton>
      </ToggleButtonGroup>
      {mode === 'lanes' && <OverviewCanvas triggers={order.map((id) => byId.get(id)).filter((t): t is Trigger => t !== undefined)} onReorder={(next) => void save(next)} height="max(480px, calc(100vh - 270px))" />}
      {mode === 'list' && (
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={accessibility}>
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          <List aria-label={`Evaluation order of ${EVENT_LABELS[event]}`} sx={{ maxWidth: 720 }}>
            {order.map((id, i) => {
              const t = byId.get(id);
              return t ? <SortableTrigger key={id} trigger={t} position={i + 1} warnings={warnings.filter((w) => w.triggerId === id).map((w) => w.message)} /> : null;
            })}
          </List>
        </SortableContext>
      </DndContext>
      )}
    </ViewFrame>
  );
}
