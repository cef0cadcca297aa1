import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { REWARD_STATUSES, type RewardStatus } from '@engine/formats/report';
import { STATUS_LABELS, type LedgerFilter } from './ledger-model';
import { useReadable } from './readable';
import { PartnerSelect } from './partner-select';
import { monthLabel } from './month-model';
import { groupDigits } from './money-format';
import { useServiceQuery } from './hooks';

export interface LedgerFiltersProps {
  /** The run whose due months the month filter offers. */
  runId: string;
  filter: LedgerFilter;
  onChange: (filter: LedgerFilter) => void;
  partners: readonly string[];
  triggers: readonly { id: string; name: string }[];
}

/** Partner / trigger / status / month filters of the ledger. */
export function LedgerFilters({ runId, filter, onChange, partners, triggers }: LedgerFiltersProps) {
  const n = useReadable();
  const months = useDueMonths(runId, filter.month);
  const set = (patch: Partial<LedgerFilter>) => onChange({ ...filter, ...patch });
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label="Ledger filters">
      <PartnerSelect value={filter.partnerKey} onChange={(partnerKey) => set({ partnerKey })} partners={partners} />
      <TextField select size="small" label="Trigger" value={filter.triggerId} onChange={(e) => set({ triggerId: e.target.value })} sx={{ minWidth: 170 }}>
        <MenuItem value="">All triggers</MenuItem>
        {triggers.map((t) => (
          <MenuItem key={t.id} value={t.id} title={t.id}>
            {n.trigger(t.id)}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label="Status" value={filter.status} onChange={(e) => set({ status: e.target.value as RewardStatus | '' })} sx={{ minWidth: 130 }}>
        <MenuItem value="">Any status</MenuItem>
        {REWARD_STATUSES.map((s) => (
          <MenuItem key={s} value={s}>
            {STATUS_LABELS[s]}
          </MenuItem>
        ))}
      </TextField>
      {/* The months this run's rewards fall due in, as the payouts view lists them (a native month
          input shows an empty "--------- ----" and offers months with nothing in them). */}
      <TextField
        select
        size="small"
        label="Due month"
        value={filter.month}
        onChange={(e) => set({ month: e.target.value })}
        // The list shows each month's reward count; the closed field only the month.
        slotProps={{ select: { renderValue: (v) => (typeof v === 'string' && v ? monthLabel(v) : 'Any month') } }}
        sx={{ minWidth: 170 }}
      >
        <MenuItem value="">Any month</MenuItem>
        {months.map((m) => (
          <MenuItem key={m.month} value={m.month}>
            {monthLabel(m.month)}
            {m.count === null ? '' : ` · ${groupDigits(String(m.count))} rewards`}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}

/**
 * The run's due months with their reward counts, oldest first; the month already chosen (a link
 * from the payouts view) is listed even before the run's totals have loaded.
 */
function useDueMonths(runId: string, chosen: string): { month: string; count: number | null }[] {
  const summary = useServiceQuery('replay.summary', { runId });
  const months: { month: string; count: number | null }[] = (summary.data?.byMonth ?? []).map((m) => ({ month: m.key, count: m.count }));
  if (chosen && !months.some((m) => m.month === chosen)) months.push({ month: chosen, count: null });
  return months.sort((a, b) => a.month.localeCompare(b.month));
}
