/** The value control a rule needs, as the inspector model decides (integer, money, date…). */
import { Autocomplete, Chip, FormControlLabel, MenuItem, Switch, TextField } from '@mui/material';
import type { RuleValue } from '@engine/formats/program-schema';
import type { ValueEditor } from './inspector-model';
import { DateInput } from '../ui/date-input';

interface Props {
  editor: ValueEditor;
  value: RuleValue | undefined;
  onChange: (value: RuleValue | undefined) => void;
  disabled: boolean;
  label?: string;
  /** The program's time zone: a rule's date is a day there (shown beside the date field). */
  timeZone: string;
}

function parseInteger(text: string): RuleValue | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

export function ValueEditorField({ editor, value, onChange, disabled, label = 'Value', timeZone }: Props) {
  switch (editor.kind) {
    case 'none':
      return null;
    case 'integer':
      return <TextField label={label} type="number" value={value ?? ''} disabled={disabled} onChange={(e) => onChange(parseInteger(e.target.value))} slotProps={{ htmlInput: { min: 0, step: 1 } }} fullWidth />;
    case 'money':
      return <TextField label={`${label} (USD)`} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' }, input: { startAdornment: '$' } }} fullWidth />;
    case 'date':
      // The app's one date input: typed in the locale's order, not the browser's date field.
      return <DateInput label={label} value={typeof value === 'string' && value !== '' ? value : null} timeZone={timeZone} disabled={disabled} onChange={(iso) => onChange(iso ?? undefined)} fullWidth />;
    case 'boolean':
      return <FormControlLabel control={<Switch checked={value === true} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />} label={value === true ? 'true' : 'false'} />;
    case 'text':
      return <TextField label={label} value={typeof value === 'string' ? value : ''} disabled={disabled} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} fullWidth />;
    case 'select':
      return (
        <TextField select label={label} value={typeof value === 'string' ? value : ''} disabled={disabled} onChange={(e) => onChange(e.target.value || undefined)} fullWidth helperText={editor.options.length === 0 ? 'Define some in the program settings first' : undefined}>
          {typeof value === 'string' && !editor.options.some((o) => o.value === value) && <MenuItem value={value}>{value} (unknown)</MenuItem>}
          {editor.options.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      );
    case 'multi_select':
    case 'text_list': {
      const list = Array.isArray(value) ? value : [];
      const options = editor.kind === 'multi_select' ? editor.options.map((o) => o.value) : [];
      return (
        <Autocomplete
          multiple
          freeSolo={editor.kind === 'text_list'}
          options={options}
          value={list}
          disabled={disabled}
          getOptionLabel={(o) => (editor.kind === 'multi_select' ? (editor.options.find((x) => x.value === o)?.label ?? o) : o)}
          onChange={(_e, v) => onChange(v)}
          renderValue={(v, getItemProps) => v.map((o, i) => <Chip size="small" label={o} {...getItemProps({ index: i })} key={o} />)}
          renderInput={(params) => <TextField {...params} label={label} helperText={editor.kind === 'text_list' ? 'Type a value and press Enter' : undefined} />}
        />
      );
    }
    default: {
      const never: never = editor;
      return never;
    }
  }
}
