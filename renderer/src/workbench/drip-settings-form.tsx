import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { CALENDAR_UNITS, type DripSettings, type Offer, type Period } from '@engine/formats/program-schema';

export interface DripSettingsFormProps {
  drip: DripSettings;
  offer: Offer;
  onChange: (drip: DripSettings, offer: Offer) => void;
}

function whole(text: string, min: number): number {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? Math.max(min, n) : min;
}

function PeriodFields({ label, value, min, onChange }: { label: string; value: Period; min: number; onChange: (p: Period) => void }) {
  return (
    <Stack direction="row" spacing={1}>
      <TextField
        label={`${label} count`}
        type="number"
        size="small"
        value={value.count}
        onChange={(e) => onChange({ ...value, count: whole(e.target.value, min) })}
        slotProps={{ htmlInput: { min } }}
        sx={{ width: 120 }}
      />
      <TextField select label={`${label} unit`} size="small" value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value as Period['unit'] })} sx={{ width: 110 }}>
        {CALENDAR_UNITS.map((u) => (
          <MenuItem key={u} value={u}>
            {u}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}

/** Try-out drip settings: changes here drive the preview only, nothing is saved. */
export function DripSettingsForm({ drip, offer, onChange }: DripSettingsFormProps) {
  const cycle = drip.cycle ?? { count: 1, unit: 'month' as const };
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <TextField
        label="Occurrences"
        type="number"
        size="small"
        value={drip.occurrences}
        onChange={(e) => onChange({ ...drip, occurrences: Math.min(600, whole(e.target.value, 1)) }, offer)}
        slotProps={{ htmlInput: { min: 1, max: 600 } }}
        sx={{ width: 120 }}
      />
      <PeriodFields label="Delay" value={drip.delay} min={0} onChange={(delay) => onChange({ ...drip, delay }, offer)} />
      <PeriodFields label="Cycle" value={cycle} min={1} onChange={(c) => onChange({ ...drip, cycle: c }, offer)} />
      {offer.type === 'flat' ? (
        <TextField
          label={`Amount (${offer.currency})`}
          size="small"
          value={offer.amount}
          onChange={(e) => onChange(drip, { ...offer, amount: e.target.value })}
          sx={{ width: 140 }}
        />
      ) : (
        <TextField label="Percent" size="small" value={offer.percent} onChange={(e) => onChange(drip, { ...offer, percent: e.target.value })} sx={{ width: 100 }} />
      )}
      <FormControlLabel control={<Switch checked={drip.split} onChange={(e) => onChange({ ...drip, split: e.target.checked }, offer)} />} label="Split the amount" />
    </Stack>
  );
}
