/** A filter's partner picker: "All partners", then each partner by name (its key in the tooltip). */
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useReadable } from './readable';

export function PartnerSelect({ value, onChange, partners, minWidth = 150 }: { value: string; onChange: (key: string) => void; partners: readonly string[]; minWidth?: number }) {
  const n = useReadable();
  return (
    <TextField select size="small" label="Partner" value={value} onChange={(e) => onChange(e.target.value)} sx={{ minWidth }}>
      <MenuItem value="">All partners</MenuItem>
      {partners.map((p) => (
        <MenuItem key={p} value={p} title={p}>
          {n.partner(p)}
        </MenuItem>
      ))}
    </TextField>
  );
}
