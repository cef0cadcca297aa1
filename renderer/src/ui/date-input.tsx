/**
 * The app's one date input: typed in the reader's locale order (01312026 or 01/31/2026 in the
 * US, 31.01.2026 in Germany), read back as an ISO date, with the program time zone shown beside
 * it. A component of our own rather than MUI X Date Pickers: the pickers' masked field fought
 * a typed 01312026 the same way the browser's date field did, and this needs only the typing.
 */
import { InputAdornment, TextField } from '@mui/material';
import { useEffect, useState } from 'react';

export type DatePart = 'year' | 'month' | 'day';

/** The order of day, month and year in `locale`'s short dates, and the separator it uses. */
export function dateOrder(locale?: string): { order: DatePart[]; separator: string } {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2026, 0, 31, 12)));
  const order = parts.filter((p): p is Intl.DateTimeFormatPart & { type: DatePart } => p.type === 'year' || p.type === 'month' || p.type === 'day').map((p) => p.type);
  const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
  return { order: order.length === 3 ? order : ['month', 'day', 'year'], separator };
}

const LENGTH: Record<DatePart, number> = { year: 4, month: 2, day: 2 };

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The ISO date (YYYY-MM-DD) typed as `text` in `order`, or null. Accepts bare digits or any separator. */
export function parseTypedDate(text: string, order: DatePart[]): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return validYmd(Number(t.slice(0, 4)), Number(t.slice(5, 7)), Number(t.slice(8, 10))) ? t : null;
  let pieces: string[];
  if (/^\d{8}$/.test(t)) {
    pieces = [];
    let at = 0;
    for (const part of order) {
      pieces.push(t.slice(at, at + LENGTH[part]));
      at += LENGTH[part];
    }
  } else {
    // Digits and separators only: "12/31/2026x" is not a date.
    if (!/^\d{1,4}[\s./-]+\d{1,4}[\s./-]+\d{1,4}$/.test(t)) return null;
    pieces = t.split(/[\s./-]+/);
  }
  if (pieces.length !== 3) return null;
  const value: Record<DatePart, number> = { year: 0, month: 0, day: 0 };
  order.forEach((part, i) => (value[part] = Number(pieces[i])));
  if (!validYmd(value.year, value.month, value.day)) return null;
  return `${value.year}-${String(value.month).padStart(2, '0')}-${String(value.day).padStart(2, '0')}`;
}

/** An ISO date shown in `order` with `separator` (2026-01-31 → 01/31/2026). */
export function formatDate(iso: string, order: DatePart[], separator: string): string {
  const v: Record<DatePart, string> = { year: iso.slice(0, 4), month: iso.slice(5, 7), day: iso.slice(8, 10) };
  return order.map((p) => v[p]).join(separator);
}


function pattern(order: DatePart[], separator: string): string {
  return order.map((p) => (p === 'year' ? 'YYYY' : p === 'month' ? 'MM' : 'DD')).join(separator);
}

export interface DateInputProps {
  label: string;
  /** ISO date (YYYY-MM-DD) or null when empty. */
  value: string | null;
  onChange: (iso: string | null) => void;
  /** Called when the text typed cannot be read as a date (the value then stays the last good one). */
  onUnreadable?: () => void;
  /** The program's time zone, shown beside the date: the day starts at midnight there. */
  timeZone: string;
  helperText?: string;
  required?: boolean;
  locale?: string;
  /** MUI's field size (the drip preview's compact row uses `small`). */
  size?: 'small' | 'medium';
  /** The field's width in px (room for the date and the zone beside it). */
  width?: number;
  fullWidth?: boolean;
  disabled?: boolean;
  /** Marks the field as wrong from outside (a problem the caller found), beside its own check. */
  error?: boolean;
}

export function DateInput(props: DateInputProps) {
  const { order, separator } = dateOrder(props.locale);
  const shown = props.value ? formatDate(props.value, order, separator) : '';
  const [text, setText] = useState(shown);
  // A value from outside replaces the text, but never while the text already means that value:
  // reformatting under the person's fingers would turn the next keystroke into part of a date.
  useEffect(() => setText((current) => (parseTypedDate(current, order) === props.value ? current : shown)), [shown]);
  const parsed = text.trim() === '' ? null : parseTypedDate(text, order);
  const bad = text.trim() !== '' && parsed === null;
  const example = formatDate('2026-01-31', order, separator);
  return (
    <TextField
      label={props.label}
      value={text}
      required={props.required}
      placeholder={pattern(order, separator)}
      size={props.size}
      fullWidth={props.fullWidth}
      disabled={props.disabled}
      sx={props.width === undefined ? undefined : { width: props.width }}
      error={bad || props.error === true}
      helperText={bad ? `Enter a date as ${pattern(order, separator)}, for example ${example} (or type ${example.replace(/\D/g, '')})` : (props.helperText ?? ' ')}
      onChange={(e) => {
        setText(e.target.value);
        const iso = e.target.value.trim() === '' ? null : parseTypedDate(e.target.value, order);
        if (iso !== null || e.target.value.trim() === '') props.onChange(iso);
        else props.onUnreadable?.();
      }}
      onBlur={() => parsed && setText(formatDate(parsed, order, separator))}
      slotProps={{ input: { endAdornment: <InputAdornment position="end">{props.timeZone}</InputAdornment> } }}
    />
  );
}
