/**
 * The app's charts, on MUI X Charts (one library, themed by MUI like the rest of the screens):
 * totals per trigger or partner as horizontal bars, payouts per month as columns, and stacked
 * columns (one-off rewards and drip payments per month). Amounts arrive as USD decimal strings
 * and are charted in dollars (cents / 100) with the app's money labels.
 */
import Box from '@mui/material/Box';
import { BarChart } from '@mui/x-charts/BarChart';
import { formatMinor } from '@engine/money';
import { compactUsd, displayUsd, usdMinor } from './money-format';

const dollars = (usd: string): number => usdMinor(usd) / 100;
const money = (v: number | null): string => (v === null ? '' : displayUsd(formatMinor(Math.round(v * 100), 'USD')));
/** On the axis ticks "$150K" (the whole "$150,000.00" did not fit and was cut); exact elsewhere. */
const axisMoney = (v: number | null, ctx: { location: string }): string => (v === null ? '' : ctx.location === 'tick' ? compactUsd(v) : money(v));
const short = (text: string, max = 28): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface ChartBar {
  label: string;
  usd: string;
}

/** Largest first, as horizontal bars; labels shortened on the axis, whole in the tooltip. */
export function TotalsBarChart({ label, bars, limit = 12 }: { label: string; bars: readonly ChartBar[]; limit?: number }) {
  const shown = bars.slice(0, limit);
  if (shown.length === 0) return null;
  return (
    <Box role="img" aria-label={label} sx={{ width: '100%' }}>
      <BarChart
        layout="horizontal"
        height={Math.max(160, 28 * shown.length + 60)}
        yAxis={[{ scaleType: 'band', data: shown.map((b) => b.label), width: 190, valueFormatter: (v: string, ctx) => (ctx.location === 'tick' ? short(v) : v) }]}
        xAxis={[{ valueFormatter: axisMoney }]}
        series={[{ data: shown.map((b) => dollars(b.usd)), label: 'USD', valueFormatter: money }]}
        hideLegend
        margin={{ left: 8, right: 24 }}
      />
    </Box>
  );
}

export interface MonthBar {
  /** Axis label ("Jan 2026"). */
  label: string;
  /** One value per series, USD decimal strings. */
  values: readonly string[];
}

/** Columns per month; several series stack (one-off rewards and drip payments), or stand side by side (`grouped`: program A vs B). */
export function MonthlyBarChart({ label, months, series, height = 260, grouped = false }: { label: string; months: readonly MonthBar[]; series: readonly string[]; height?: number; grouped?: boolean }) {
  if (months.length === 0) return null;
  return (
    <Box role="img" aria-label={label} sx={{ width: '100%' }}>
      <BarChart
        height={height}
        xAxis={[{ scaleType: 'band', data: months.map((m) => m.label) }]}
        yAxis={[{ valueFormatter: axisMoney, width: 64 }]}
        series={series.map((name, i) => ({ data: months.map((m) => dollars(m.values[i] ?? '0.00')), label: name, ...(grouped ? {} : { stack: 'total' }), valueFormatter: money }))}
        hideLegend={series.length < 2}
      />
    </Box>
  );
}
