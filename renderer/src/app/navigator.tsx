/** The left navigator: programs, program data, triggers by event type, previews and replay. */
import AddIcon from '@mui/icons-material/Add';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlined';
import { Box, Chip, Divider, IconButton, List, ListItemButton, ListItemText, ListSubheader, Menu, MenuItem, Tooltip, Typography } from '@mui/material';
import { nameParts } from './name-parts';
import { countOf } from '../ui/plural';
import { useState } from 'react';
import { TRIGGER_EVENTS, type TriggerEvent } from '@engine/catalogue';
import { evaluationOrderOf } from '@engine/order';
import { triggerErrors } from '@engine/validate';
import type { ProgramDoc } from '@service/contract';
import { RunCaption, useRuns } from '../workbench';
import { EVENT_LABELS } from '../editor/action-model';
import { TEMPLATES } from '../editor/templates';
import type { Program } from '@engine/formats/program-schema';
import { useAppStore, type AppView } from './app-store';
import { useServiceQuery } from './client-context';
import { ProgramMenu } from './program-menu';
import { useCreateTrigger } from './use-trigger-actions';

const STATUS_COLOR = { draft: 'default', active: 'success', inactive: 'warning' } as const;

function NavItem({ label, view, secondary }: { label: string; view: AppView; secondary?: string }) {
  const current = useAppStore((s) => s.view);
  const go = useAppStore((s) => s.go);
  const selected = JSON.stringify(current) === JSON.stringify(view);
  return (
    <ListItemButton dense selected={selected} onClick={() => go(view)} sx={{ mx: 1 }}>
      <ListItemText primary={label} secondary={secondary} slotProps={{ primary: { noWrap: true }, secondary: { noWrap: true } }} />
    </ListItemButton>
  );
}

function TriggerGroup({ doc, event }: { doc: ProgramDoc; event: TriggerEvent }) {
  const triggers = evaluationOrderOf(doc.program)[event];
  const view = useAppStore((s) => s.view);
  const go = useAppStore((s) => s.go);
  const create = useCreateTrigger();
  return (
    <Box component="li" sx={{ listStyle: 'none' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', pl: 2, pr: 1, pt: 1 }}>
        <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }} noWrap>
          {EVENT_LABELS[event]}
        </Typography>
        <Tooltip title={`New trigger on “${EVENT_LABELS[event]}”`}>
          <IconButton size="small" aria-label={`New trigger: ${EVENT_LABELS[event]}`} onClick={() => void create(event)}>
            <AddIcon fontSize="inherit" />
          </IconButton>
        </Tooltip>
      </Box>
      <List dense disablePadding aria-label={EVENT_LABELS[event]}>
        {triggers.map((t) => {
          const errors = triggerErrors(doc.issues, t.id).length;
          return (
            <ListItemButton key={t.id} dense sx={{ mx: 1 }} title={t.name} selected={view.kind === 'trigger' && view.triggerId === t.id} onClick={() => go({ kind: 'trigger', triggerId: t.id })}>
              <TriggerName name={t.name} />
              {errors > 0 && <ErrorOutlineIcon color="error" fontSize="small" titleAccess={`${errors} error${errors === 1 ? '' : 's'}`} sx={{ mr: 0.5 }} />}
              <Chip size="small" label={t.status} color={STATUS_COLOR[t.status]} variant={t.status === 'draft' ? 'outlined' : 'filled'} />
            </ListItemButton>
          );
        })}
        {triggers.length > 1 && <NavItem label="Evaluation order" view={{ kind: 'order', event }} />}
      </List>
    </Box>
  );
}

/** A trigger's name in the list: cut to fit, but a trailing "(copy)" always shows. */
function TriggerName({ name }: { name: string }) {
  const { head, tail } = nameParts(name);
  return (
    <Box sx={{ flex: 1, minWidth: 0, display: 'flex', py: 0.5 }}>
      <Typography variant="body2" noWrap sx={{ minWidth: 0 }}>
        {head}
      </Typography>
      {tail && (
        <Typography variant="body2" sx={{ flexShrink: 0, whiteSpace: 'pre' }}>
          {' '}
          {tail}
        </Typography>
      )}
    </Box>
  );
}

/** “New trigger”: pick the event it listens to, or start from one of the seed's examples. */
function NewTriggerMenu({ program }: { program: Program }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const create = useCreateTrigger();
  return (
    <>
      <Tooltip title="New trigger">
        <IconButton size="small" aria-label="New trigger" onClick={(e) => setAnchor(e.currentTarget)}>
          <AddIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <ListSubheader>Blank, on the event</ListSubheader>
        {TRIGGER_EVENTS.map((e) => (
          <MenuItem key={e} onClick={() => (setAnchor(null), void create(e))}>
            {EVENT_LABELS[e]}
          </MenuItem>
        ))}
        <ListSubheader>New trigger from template</ListSubheader>
        {TEMPLATES.map((t) => (
          <MenuItem key={t.id} onClick={() => (setAnchor(null), void create(t.build(program)))}>
            {t.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

export function Navigator() {
  const programId = useAppStore((s) => s.programId);
  // The counts follow imports and runs through the query cache: the workbench's changes mark
  // these lists stale, and a list with a run in progress stays live (`useRuns`).
  const programs = useServiceQuery('programs.list', {});
  const doc = useServiceQuery('programs.get', programId ? { programId } : null);
  const eventSets = useServiceQuery('eventSets.list', programId ? { programId } : null);
  const runs = useRuns(programId);
  const used = doc.data ? TRIGGER_EVENTS.filter((e) => doc.data?.program.triggers.some((t) => t.event === e)) : [];
  return (
    <Box component="nav" aria-label="Navigator" sx={{ width: 260, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <ProgramMenu programs={programs.data ?? []} />
      <Divider />
      {doc.data && (
        <Box sx={{ overflowY: 'auto', flex: 1, pb: 2 }}>
          <List dense subheader={<ListSubheader disableSticky>Program</ListSubheader>}>
            <NavItem label="Program overview" view={{ kind: 'overview' }} secondary={`${doc.data.program.triggers.length} triggers · counts of the last run`} />
            <NavItem label="Groups, tiers, tags & settings" view={{ kind: 'settings' }} secondary={`${doc.data.program.groups.length} groups · ${doc.data.program.tiers.length} tiers · ${doc.data.program.tags.length} tags`} />
            <NavItem label="Partners" view={{ kind: 'partners' }} secondary={`${doc.data.program.partners.length} sample partners`} />
          </List>
          <List dense subheader={<ListSubheader disableSticky sx={{ display: 'flex', alignItems: 'center' }}><Box sx={{ flex: 1 }}>Triggers</Box><NewTriggerMenu program={doc.data.program} /></ListSubheader>}>
            {used.map((e) => (
              <TriggerGroup key={e} doc={doc.data as ProgramDoc} event={e} />
            ))}
          </List>
          <List dense subheader={<ListSubheader disableSticky>Previews</ListSubheader>}>
            <NavItem label="Drip preview" view={{ kind: 'drip' }} />
            <NavItem label="Offer visibility" view={{ kind: 'visibility' }} />
          </List>
          <List dense subheader={<ListSubheader disableSticky>Replay</ListSubheader>}>
            <NavItem label="Replay workbench" view={{ kind: 'replay' }} secondary={`${countOf(eventSets.data?.length ?? 0, 'event set')} · ${countOf(runs.data?.length ?? 0, 'run')}`} />
            {(runs.data ?? []).slice(0, 5).map((r) => (
              <ListItemButton key={r.id} dense sx={{ mx: 1, pl: 4 }} onClick={() => useAppStore.getState().go({ kind: 'replay' })}>
                <ListItemText primary={r.name ?? r.eventSetName} secondary={<RunCaption run={r} />} slotProps={{ primary: { noWrap: true, variant: 'body2' } }} />
              </ListItemButton>
            ))}
            <NavItem label="Runs & event sets" view={{ kind: 'runs' }} secondary="name, annotate, delete, compare" />
            <NavItem label="Partner timeline" view={{ kind: 'partner', partnerKey: doc.data.program.partners[0]?.key ?? '' }} secondary="events, rewards, drips, statement" />
            <NavItem label="Rewards & payouts" view={{ kind: 'payouts' }} />
            <NavItem label="Compare with…" view={{ kind: 'compare' }} secondary="another program or an earlier version" />
          </List>
        </Box>
      )}
    </Box>
  );
}
