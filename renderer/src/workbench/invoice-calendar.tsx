import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { calendarWeeks, monthLabel, PAYOUT_DAYS } from './month-model';

const DAY_COLORS = { invoice: 'info.main', charge: 'warning.main', payout: 'success.main' } as const;
const DAY_NAMES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/** The month after the due month, with its invoice (1st), charge (8th) and payout (13th) days. */
export function InvoiceCalendar({ month }: { month: string }) {
  const weeks = calendarWeeks(month);
  return (
    <Box aria-label={`Payout calendar ${monthLabel(month)}`} role="group">
      <Typography variant="subtitle2" sx={{ mb: 0.5 }}>
        {monthLabel(month)}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(7, 28px)', gap: 0.25, fontSize: 12, textAlign: 'center' }}>
        {DAY_NAMES.map((d) => (
          <Box key={d} sx={{ color: 'text.secondary' }}>
            {d}
          </Box>
        ))}
        {weeks.flat().map((d, i) => {
          const kind = d === null ? undefined : PAYOUT_DAYS[d];
          return (
            <Box
              key={i}
              title={kind}
              sx={{ lineHeight: '24px', borderRadius: '50%', bgcolor: kind ? DAY_COLORS[kind] : undefined, color: kind ? 'common.white' : 'text.primary', fontWeight: kind ? 700 : 400 }}
            >
              {d ?? ''}
            </Box>
          );
        })}
      </Box>
      <Box sx={{ display: 'flex', gap: 1.5, mt: 1, fontSize: 12 }}>
        {(['invoice', 'charge', 'payout'] as const).map((k) => (
          <Box key={k} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <Box sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: DAY_COLORS[k] }} />
            {k}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
