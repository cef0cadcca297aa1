import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { REWARD_STATUSES, type RewardStatus } from '@engine/formats/report';
import { STATUS_LABELS, type LedgerFilter } from './ledger-model';
import { useReadable } from './readable';
import { PartnerSelect } from './partner-select';

export interface LedgerFiltersProps {
  filter: LedgerFilter;
  onChange: (filter: LedgerFilter) => void;
  partners: readonly string[];
  triggers: readonly { id: string; name: string }[];
}

/** Partner / trigger / status / month filters of the ledger. */
export function LedgerFilters({ filter, onChange, partners, triggers }: LedgerFiltersProps) {
  const n = useReadable();
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
      <TextField
        size="small"
        type="month"
        label="Due month"
        value={filter.month}
        onChange={(e) => set({ month: e.target.value })}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 170 }}
      />
    </Stack>
  );
}
