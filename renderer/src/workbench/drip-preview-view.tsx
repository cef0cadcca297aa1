import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { DripSettings, Offer, Trigger } from '@engine/formats/program-schema';
import { useServiceQuery } from './hooks';
import { DripPreview } from './drip-preview';
import { DripSettingsForm } from './drip-settings-form';
import type { ProgramViewProps } from './types';


const SANDBOX: { drip: DripSettings; offer: Offer } = {
  drip: { delay: { count: 30, unit: 'day' }, cycle: { count: 1, unit: 'month' }, occurrences: 12, split: false },
  offer: { description: 'Example drip', type: 'flat', amount: '10.00', currency: 'USD' },
};

type DripTrigger = Trigger & { action: { type: 'drip'; drip: DripSettings; offer: Offer } };
function isDrip(t: Trigger): t is DripTrigger {
  return t.action.type === 'drip';
}

/** The drip preview as its own panel: pick a drip trigger, try settings, read the schedule. */
export function DripPreviewView({ programId }: ProgramViewProps) {
  const program = useServiceQuery('programs.get', { programId });
  const drips = useMemo(() => (program.data?.program.triggers ?? []).filter(isDrip), [program.data]);
  const [triggerId, setTriggerId] = useState('');
  const [draft, setDraft] = useState(SANDBOX);
  const chosen = drips.find((t) => t.id === triggerId);
  useEffect(() => {
    if (!drips.some((t) => t.id === triggerId) && drips[0]) setTriggerId(drips[0].id);
  }, [drips, triggerId]);
  useEffect(() => {
    if (chosen) setDraft({ drip: chosen.action.drip, offer: chosen.action.offer });
  }, [chosen]);
  return (
    <Stack spacing={2}>
      {program.error && <Alert severity="error">{program.error.message}</Alert>}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={2}>
          <TextField
            select
            label="Drip trigger"
            size="small"
            value={chosen ? triggerId : ''}
            onChange={(e) => setTriggerId(e.target.value)}
            sx={{ maxWidth: 360 }}
            helperText={drips.length === 0 ? 'This program has no drip rewards yet: try settings below.' : 'Settings below are a try-out; they are not saved.'}
          >
            {drips.map((t) => (
              <MenuItem key={t.id} value={t.id}>
                {t.name}
              </MenuItem>
            ))}
          </TextField>
          <DripSettingsForm drip={draft.drip} offer={draft.offer} onChange={(drip, offer) => setDraft({ drip, offer })} />
        </Stack>
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        {program.data && <DripPreview programId={programId} drip={draft.drip} offer={draft.offer} timeZone={program.data.program.timeZone} />}
      </Paper>
    </Stack>
  );
}
