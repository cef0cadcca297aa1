import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { DripSettings, Offer } from '@engine/formats/program-schema';
import { defaultExample, previewArgs, type DripExample } from './drip-model';
import { useDebounced, useServiceQuery } from './hooks';
import { zonedParts } from '../ui/zoned-time';
import { DripTable } from './drip-table';
import { DripTimeline } from './drip-timeline';
import { sumUsd, displayUsd } from './money-format';
import { useWidth } from './use-width';
import { DateInput } from '../ui/date-input';

const COMPACT_BELOW = 560;

export interface DripPreviewProps {
  programId: string;
  drip: DripSettings;
  offer: Offer;
  /** The program's time zone: the example days are noon there, and it is shown beside them. */
  timeZone: string;
}

/** Every occurrence of a drip reward for an example event; follows the settings as they change. */
export function DripPreview({ programId, drip, offer, timeZone }: DripPreviewProps) {
  const [example, setExample] = useState<DripExample>(() => defaultExample(zonedParts(Date.now(), timeZone).date));
  const built = useMemo(() => previewArgs(programId, drip, offer, example, timeZone), [programId, drip, offer, example, timeZone]);
  const args = useDebounced('args' in built ? built.args : null, 250);
  const q = useServiceQuery('drip.preview', args);
  const problem = 'problem' in built ? built.problem : null;
  const set = (patch: Partial<DripExample>) => setExample((e) => ({ ...e, ...patch }));
  const occ = q.data?.occurrences ?? [];
  const [box, width] = useWidth<HTMLDivElement>(720);
  const compact = width < COMPACT_BELOW;
  return (
    <Stack spacing={2} aria-label="Drip preview" component="section" ref={box}>
      <ExampleFields example={example} offerType={offer.type} timeZone={timeZone} problemField={problem?.field} compact={compact} onChange={set} />
      {problem && <Alert severity="warning">{problem.message}</Alert>}
      {q.error && <Alert severity="error">{q.error.message}</Alert>}
      <Box sx={{ minHeight: 4 }}>{q.loading && <LinearProgress aria-label="Updating preview" />}</Box>
      {q.data && (
        <>
          <Typography variant="body2" aria-label="Drip summary">
            {q.data.summary} · {occ.length} occurrence{occ.length === 1 ? '' : 's'} · total {displayUsd(sumUsd(occ.map((o) => o.amountUsd)))}
          </Typography>
          <DripTimeline occurrences={occ} eventAt={args?.exampleAt ?? ''} asOf={args?.asOf ?? null} width={Math.min(900, Math.max(240, width))} height={compact ? 150 : 190} />
          <DripTable occurrences={occ} compact={compact} timeZone={timeZone} />
        </>
      )}
    </Stack>
  );
}

/** The example event the preview follows: its day, its sale (for a percentage), and the day the statuses are read. */
function ExampleFields({ example, offerType, timeZone, problemField, compact, onChange: set }: { example: DripExample; offerType: Offer['type']; timeZone: string; problemField: string | undefined; compact: boolean; onChange: (patch: Partial<DripExample>) => void }) {
  return (
    <Stack direction="row" spacing={compact ? 1 : 2} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <DateInput
        label="Example event date"
        size="small"
        width={270}
        value={example.eventDate || null}
        timeZone={timeZone}
        onChange={(iso) => set({ eventDate: iso ?? '' })}
        onUnreadable={() => set({ eventDate: '' })}
        error={problemField === 'eventDate'}
      />
      {offerType === 'percentage' && (
        <>
          <TextField
            label="Example sale amount"
            size="small"
            value={example.amount}
            onChange={(e) => set({ amount: e.target.value })}
            error={problemField === 'amount'}
            sx={{ width: 160 }}
          />
          <TextField label="Currency" size="small" value={example.currency} onChange={(e) => set({ currency: e.target.value.toUpperCase() })} sx={{ width: 100 }} />
        </>
      )}
      <DateInput
        label="Status as of"
        size="small"
        width={270}
        value={example.asOfDate || null}
        timeZone={timeZone}
        onChange={(iso) => set({ asOfDate: iso ?? '' })}
        onUnreadable={() => set({ asOfDate: '' })}
        error={problemField === 'asOfDate'}
      />
    </Stack>
  );
}
