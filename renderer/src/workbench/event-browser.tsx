/**
 * The event browser: the run's event set as a virtualised, filterable table (type, partner,
 * customer, days in the shown clock, text, and what the run did: rejected, something fired,
 * nothing fired). Only the visible rows exist; pages come from the service (`eventSets.events`),
 * so a million-event set scrolls like a small one. A row opens that event's trace.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FILE_EVENTS } from '@engine/catalogue';
import { eventTypeLabel, FILE_EVENT_LABELS } from './event-labels';
import type { EventRow } from '@service/contract';
import { DateInput } from '../ui/date-input';
import { EMPTY_EVENT_FILTER, filterProblem, OUTCOME_FILTER_LABELS, outcomeLabel, type EventFilter, type OutcomeFilter } from './event-browser-model';
import { useDebounced } from './hooks';
import { groupDigits } from './money-format';
import { PartnerLink } from './partner-link';
import { PartnerSelect } from './partner-select';
import { useReadable } from './readable';
import { useEventPages, type EventPages } from './use-event-pages';
import { VirtualRows } from './virtual-rows';

const GRID = 'minmax(175px, 1.2fr) minmax(135px, 1fr) minmax(140px, 1.2fr) minmax(90px, 0.7fr) minmax(140px, 1.8fr) minmax(120px, 0.8fr) minmax(90px, 0.8fr)';
const COLUMNS = ['When', 'Type', 'Partner', 'Customer', 'Detail', 'Outcome', 'Id'] as const;
const cellSx = { px: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
/** What the service is reading before the first page, in words (each once per set, run or filter). */
const PREPARING = {
  events: 'Reading the event set for browsing (once per set):',
  rewards: "Reading the run's rewards to show what it did with each event (once per run):",
  outcomes: 'Sorting the events by what the run did (once per filter):',
} as const;
const OUTCOME_COLORS = { rejected: 'warning', fired: 'success', nothing: 'default' } as const;

export interface EventBrowserProps {
  eventSetId: string;
  runId: string;
  partners: readonly string[];
  onTrace: (eventId: string) => void;
  /** Kept by the caller, so a person who opens a trace and comes back finds their filters as they left them. */
  filter: EventFilter;
  onFilter: (filter: EventFilter) => void;
  height?: number;
}

function Filters({ filter, onChange, partners, zone }: { filter: EventFilter; onChange: (f: EventFilter) => void; partners: readonly string[]; zone: string }) {
  const set = (patch: Partial<EventFilter>): void => onChange({ ...filter, ...patch });
  return (
    <Stack spacing={1.5} role="group" aria-label="Event filters">
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField select size="small" label="Type" value={filter.type} onChange={(e) => set({ type: e.target.value })} sx={{ minWidth: 190 }}>
          <MenuItem value="">All types</MenuItem>
          {FILE_EVENTS.map((t) => (
            <MenuItem key={t} value={t} title={t}>
              {FILE_EVENT_LABELS[t]}
            </MenuItem>
          ))}
        </TextField>
        <PartnerSelect value={filter.partnerKey} onChange={(partnerKey) => set({ partnerKey })} partners={partners} minWidth={180} />
        <TextField size="small" label="Customer key" value={filter.customerKey} onChange={(e) => set({ customerKey: e.target.value })} sx={{ width: 150 }} />
        <TextField select size="small" label="What the run did" value={filter.outcome} onChange={(e) => set({ outcome: e.target.value as OutcomeFilter })} sx={{ minWidth: 170 }}>
          <MenuItem value="">Anything</MenuItem>
          {(['nothing', 'fired', 'rejected'] as const).map((k) => (
            <MenuItem key={k} value={k}>
              {OUTCOME_FILTER_LABELS[k]}
            </MenuItem>
          ))}
        </TextField>
        <TextField size="small" label="Search" placeholder="id, key, amount…" value={filter.text} onChange={(e) => set({ text: e.target.value })} sx={{ width: 180 }} />
      </Stack>
      {/* Days are typed in the shown clock's calendar (the program's zone, or UTC). */}
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Box sx={{ width: 290 }}>
          <DateInput label="From day" value={filter.fromDate} onChange={(fromDate) => set({ fromDate })} timeZone={zone} />
        </Box>
        <Box sx={{ width: 290 }}>
          <DateInput label="Last day" value={filter.toDate} onChange={(toDate) => set({ toDate })} timeZone={zone} />
        </Box>
        <Button size="small" onClick={() => onChange(EMPTY_EVENT_FILTER)} disabled={JSON.stringify(filter) === JSON.stringify(EMPTY_EVENT_FILTER)} sx={{ alignSelf: 'flex-start', mt: 1 }}>
          Clear filters
        </Button>
      </Stack>
    </Stack>
  );
}

function Row({ row, onTrace }: { row: EventRow; onTrace: () => void }) {
  const n = useReadable();
  const o = row.outcome;
  return (
    <>
      <Box role="cell" sx={cellSx} title={row.at}>
        {n.instant(row.at)}
      </Box>
      <Box role="cell" sx={cellSx} title={row.type}>
        {eventTypeLabel(row.type)}
      </Box>
      <Box role="cell" sx={cellSx}>
        {row.partnerKey === null ? <Typography component="span" variant="body2" color="text.disabled">—</Typography> : <PartnerLink partnerKey={row.partnerKey} />}
      </Box>
      <Box role="cell" sx={cellSx} title={row.customerKey ?? undefined}>
        {row.customerKey ?? ''}
      </Box>
      <Box role="cell" sx={{ ...cellSx, color: 'text.secondary' }} title={row.detail}>
        {row.detail}
      </Box>
      <Box role="cell" sx={cellSx} title={o?.kind === 'rejected' ? o.reason : undefined}>
        {o && <Chip size="small" variant="outlined" color={OUTCOME_COLORS[o.kind]} label={outcomeLabel(o)} />}
      </Box>
      <Box role="cell" sx={cellSx} title={`#${row.position} in the file`}>
        <Link component="button" type="button" onClick={(e) => {
            e.stopPropagation();
            onTrace();
          }} underline="hover" aria-label={`Trace event ${row.id}`}>
          {row.id}
        </Link>
      </Box>
    </>
  );
}

function EventTable({ pages, onTrace, height }: { pages: EventPages; onTrace: (id: string) => void; height: number }) {
  const total = pages.total ?? 0;
  return (
    <Box role="table" aria-label="Events" aria-rowcount={total + 1} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflowX: 'auto' }}>
      <Box sx={{ minWidth: 'fit-content' }}>
        <Box role="row" sx={{ display: 'grid', gridTemplateColumns: GRID, alignItems: 'center', height: 34, borderBottom: 1, borderColor: 'divider', fontWeight: 600, fontSize: 13 }}>
          {COLUMNS.map((c) => (
            <Box role="columnheader" key={c} sx={cellSx}>
              {c}
            </Box>
          ))}
        </Box>
        <VirtualRows count={total} row={pages.row} request={pages.request} grid={GRID} height={height} testId="events-scroll" onRowClick={(row) => onTrace(row.id)} rowSx={() => ({ cursor: 'pointer', '&:hover': { bgcolor: 'action.hover' } })}>
          {(row) => <Row row={row} onTrace={() => onTrace(row.id)} />}
        </VirtualRows>
      </Box>
    </Box>
  );
}

/** The event set's events with the run's outcome for each; a row opens its trace. */
export function EventBrowser({ eventSetId, runId, partners, onTrace, filter, onFilter: setFilter, height = 440 }: EventBrowserProps) {
  const n = useReadable();
  // Typing in a text field asks once it settles, not at every keystroke.
  const settled = useDebounced(filter, 250);
  const problem = filterProblem(settled);
  const pages = useEventPages(eventSetId, runId, problem ? EMPTY_EVENT_FILTER : settled, n.zone);
  const { total, eventCount, indexing } = pages;
  return (
    <Stack spacing={1.5}>
      <Filters filter={filter} onChange={setFilter} partners={partners} zone={n.zone} />
      {problem && <Alert severity="warning">{problem}</Alert>}
      {pages.error && <Alert severity="error">{pages.error.message}</Alert>}
      {indexing ? (
        <Box role="status" aria-label="Reading the event set">
          <Typography variant="body2">
            {PREPARING[indexing.reading]} {groupDigits(String(indexing.done))} of {groupDigits(String(indexing.total))} {indexing.reading === 'rewards' ? 'rewards' : 'events'}…
          </Typography>
          <LinearProgress variant="determinate" value={indexing.total === 0 ? 100 : (100 * indexing.done) / indexing.total} />
        </Box>
      ) : (
        <Typography role="status" aria-label="Event count">
          {total === null || eventCount === null
            ? 'Loading…'
            : total === eventCount
              ? `${groupDigits(String(total))} event${total === 1 ? '' : 's'} · times in ${n.zone}`
              : `${groupDigits(String(total))} of ${groupDigits(String(eventCount))} events match · times in ${n.zone}`}
        </Typography>
      )}
      {!indexing && total === 0 && <Typography color="text.secondary">No event matches these filters.</Typography>}
      <EventTable pages={pages} onTrace={onTrace} height={height} />
    </Stack>
  );
}
