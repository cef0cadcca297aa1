import { useTheme } from '@mui/material/styles';
import type { DripOccurrence } from '@engine/drip';
import { labelEvery, timelineGeometry } from './drip-model';
import { displayUsd } from './money-format';

export interface DripTimelineProps {
  occurrences: readonly DripOccurrence[];
  eventAt: string;
  asOf: string | null;
  width?: number;
  height?: number;
}

/** The schedule on a time axis: one bar per occurrence, the split remainder in the accent colour. */
export function DripTimeline({ occurrences, eventAt, asOf, width = 720, height = 190 }: DripTimelineProps) {
  const theme = useTheme();
  const g = timelineGeometry(occurrences, eventAt, asOf, width, height);
  const every = labelEvery(g.bars.length, width);
  const colors = { pending: theme.palette.primary.main, scheduled: theme.palette.grey[400], remainder: theme.palette.secondary.main };
  return (
    <svg
      role="img"
      aria-label={`Timeline of ${occurrences.length} occurrence${occurrences.length === 1 ? '' : 's'}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, display: 'block' }}
    >
      <line x1={g.eventX} x2={width - 8} y1={g.baseline} y2={g.baseline} stroke={theme.palette.divider} />
      {g.ticks.map((t) => (
        <g key={t.label}>
          <line x1={t.x} x2={t.x} y1={g.baseline} y2={g.baseline + 4} stroke={theme.palette.text.disabled} />
          <text x={t.x} y={g.baseline + 16} fontSize={10} textAnchor="middle" fill={theme.palette.text.secondary}>
            {t.label}
          </text>
        </g>
      ))}
      <line x1={g.eventX} x2={g.eventX} y1={8} y2={g.baseline} stroke={theme.palette.text.primary} strokeDasharray="2 2" />
      <text x={g.eventX + 3} y={12} fontSize={10} fill={theme.palette.text.primary}>
        event
      </text>
      {g.asOfX !== null && (
        <g>
          <line x1={g.asOfX} x2={g.asOfX} y1={8} y2={g.baseline} stroke={theme.palette.warning.main} strokeDasharray="4 3" />
          <text x={g.asOfX + 3} y={22} fontSize={10} fill={theme.palette.warning.dark}>
            status date
          </text>
        </g>
      )}
      {g.bars.map((b, i) => (
        <g key={b.occurrence}>
          <rect
            x={b.x - g.barWidth / 2}
            y={b.y}
            width={g.barWidth}
            height={b.height}
            rx={2}
            fill={b.carriesRemainder ? colors.remainder : b.status === 'pending' ? colors.pending : colors.scheduled}
          >
            <title>{`#${b.occurrence} · ${b.dueDate} · ${displayUsd(b.label)} · ${b.status}${b.carriesRemainder ? ' · carries the split remainder' : ''}`}</title>
          </rect>
          {(i % every === 0 || b.carriesRemainder) && (
            <text x={b.x} y={b.y - 3} fontSize={9} textAnchor="middle" fill={b.carriesRemainder ? colors.remainder : theme.palette.text.secondary}>
              {displayUsd(b.label)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
