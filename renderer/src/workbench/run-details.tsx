import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import type { GroupChangeRow, PartnerStateRow, RejectedRow, TagAppliedRow } from '@engine/formats/report';
import { SmallTable } from './small-table';
import { useReadable, type Readable } from './readable';
import { PartnerLink } from './partner-link';

function Named({ name, id }: { name: string; id: string }) {
  return <span title={id}>{name}</span>;
}

/** The partner's name as a link to their timeline (the key in its tooltip). */
function PartnerCell({ r, keyOf }: { r: Readable; keyOf: string }) {
  return <PartnerLink partnerKey={keyOf} label={r.partner(keyOf)} />;
}

function EventLink({ id, onTrace }: { id: string; onTrace: (id: string) => void }) {
  return (
    <Link component="button" onClick={() => onTrace(id)} aria-label={`Trace event ${id}`}>
      {id}
    </Link>
  );
}

export function GroupMovesTable({ rows, onTrace }: { rows: readonly GroupChangeRow[]; onTrace: (id: string) => void }) {
  const n = useReadable();
  return (
    <SmallTable
      label="Group moves"
      rows={rows}
      empty="No partner changed group."
      columns={[
        { label: 'Partner', cell: (r) => <PartnerCell r={n} keyOf={r.partnerKey} /> },
        { label: 'From', cell: (r) => (r.from === null ? '—' : <Named name={n.group(r.from)} id={r.from} />) },
        { label: 'To', cell: (r) => <Named name={n.group(r.to)} id={r.to} /> },
        { label: 'Trigger', cell: (r) => (r.triggerId ? <Named name={n.trigger(r.triggerId)} id={r.triggerId} /> : 'manual move') },
        { label: 'Event', cell: (r) => <EventLink id={r.eventId} onTrace={onTrace} /> },
        { label: 'At', cell: (r) => <span title={r.at}>{n.instant(r.at)}</span> },
      ]}
    />
  );
}

export function TagsTable({ rows, onTrace }: { rows: readonly TagAppliedRow[]; onTrace: (id: string) => void }) {
  const n = useReadable();
  return (
    <SmallTable
      label="Tags applied"
      rows={rows}
      empty="No tag was applied."
      columns={[
        { label: 'Partner', cell: (r) => <PartnerCell r={n} keyOf={r.partnerKey} /> },
        { label: 'Tag', cell: (r) => <Chip size="small" label={n.tag(r.tag)} title={r.tag} /> },
        { label: 'Trigger', cell: (r) => <Named name={n.trigger(r.triggerId)} id={r.triggerId} /> },
        { label: 'Event', cell: (r) => <EventLink id={r.eventId} onTrace={onTrace} /> },
        { label: 'At', cell: (r) => <span title={r.at}>{n.instant(r.at)}</span> },
      ]}
    />
  );
}

export function RejectedTable({ rows, onTrace }: { rows: readonly RejectedRow[]; onTrace?: (id: string) => void }) {
  return (
    <SmallTable
      label="Rejected events"
      rows={rows}
      empty="No event was rejected."
      columns={[
        { label: 'Event', cell: (r) => (onTrace ? <EventLink id={r.eventId} onTrace={onTrace} /> : r.eventId) },
        { label: 'Position', cell: (r) => r.index + 1 },
        { label: 'Reason', cell: (r) => r.message },
      ]}
    />
  );
}

export function PartnersTable({ rows }: { rows: readonly PartnerStateRow[] }) {
  const n = useReadable();
  return (
    <SmallTable
      label="Final partner states"
      rows={rows}
      empty="No partners."
      columns={[
        {
          label: 'Partner',
          cell: (r) => (
            <>
              <PartnerLink partnerKey={r.key} />
              {n.partner(r.key) !== r.key && (
                <Box component="span" sx={{ display: 'block', fontSize: 12, color: 'text.secondary' }}>
                  {r.key}
                </Box>
              )}
            </>
          ),
        },
        { label: 'Group', cell: (r) => (r.group === null ? '—' : <Named name={n.group(r.group)} id={r.group} />) },
        { label: 'Tier', cell: (r) => (r.tier === null ? '—' : <Named name={n.tier(r.tier)} id={r.tier} />) },
        {
          label: 'Tags',
          cell: (r) => (
            <Stack direction="row" spacing={0.5}>
              {r.tags.map((t) => (
                <Chip key={t} size="small" label={n.tag(t)} title={t} />
              ))}
            </Stack>
          ),
        },
      ]}
    />
  );
}
