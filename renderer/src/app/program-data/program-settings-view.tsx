/** Program data: groups, tiers, tags, time zone and FX rates (`programs.updateSettings`). */
import { Autocomplete, Box, Button, Paper, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ArgsOf, ProgramDoc } from '@service/contract';
import { useAppStore } from '../app-store';
import { useClient } from '../client-context';
import { useLeaveGuard } from '../leave-guard';
import { useNotify } from '../notify';
import { ViewFrame } from '../view-frame';
import { FirstRunHint } from '../../workbench';
import { RowsEditor } from './rows-editor';
import { checkKeyRow, type Row, type RowCheck } from './rows-model';
import { dataChanged } from '../../client/query-cache';

const ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

function useSaveSettings(programId: string) {
  const client = useClient();
  const notify = useNotify((s) => s.show);
  return async (patch: Omit<ArgsOf<'programs.updateSettings'>, 'programId'>, what: string): Promise<boolean> => {
    const r = await client.send('programs.updateSettings', { programId, ...patch });
    if (!r.ok) {
      notify(r.error.message, 'error');
      return false;
    }
    dataChanged('program');
    notify(`${what} saved`);
    return true;
  };
}

function TimeZoneEditor({ value, onSave }: { value: string; onSave: (zone: string) => Promise<boolean> }) {
  const [zone, setZone] = useState(value);
  useEffect(() => setZone(value), [value]);
  useLeaveGuard('time-zone', zone !== value ? `The time zone (${zone}) is not saved.` : null);
  return (
    <Paper variant="outlined" component="section" aria-label="Time zone" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography variant="h6" component="h2">
        Time zone
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Days, months, “12am on” and the 1st / 8th / 13th payout dates are counted in this zone.
      </Typography>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Autocomplete sx={{ flex: 1 }} options={ZONES} value={zone} disableClearable onChange={(_e, v) => setZone(v)} renderInput={(p) => <TextField {...p} label="IANA time zone" />} />
        <Button variant="contained" disabled={zone === value} onClick={() => void onSave(zone)}>
          Save time zone
        </Button>
      </Box>
    </Paper>
  );
}

/** An FX row in words: a 3-letter currency and a decimal rate ("1.08", never "1,08"). */
const checkFxRow: RowCheck = ([currency, rate], i, rows) => {
  const c = currency.trim().toUpperCase();
  const code = !/^[A-Z]{3}$/.test(c) ? 'Enter a 3-letter currency code like EUR' : rows.findIndex((r) => r[0].trim().toUpperCase() === c) !== i ? `${c} is already listed above` : null;
  const r = rate.trim();
  const value = !/^\d+(\.\d+)?$/.test(r) || Number(r) <= 0 ? `FX rate for ${c || 'this currency'} must be a decimal number like 1.08${r.includes(',') ? ' (a point, not a comma)' : ''}` : null;
  return [code, value];
};

const toRows = (items: { key: string; name: string }[]): Row[] => items.map((i) => [i.key, i.name]);
const fromRows = (rows: Row[]) => rows.map(([key, name]) => ({ key: key.trim(), name: name.trim() }));

export function ProgramSettingsView({ doc }: { doc: ProgramDoc }) {
  const save = useSaveSettings(doc.id);
  const p = doc.program;
  const named = (title: string, what: 'groups' | 'tiers' | 'tags', help: string) => (
    <RowsEditor title={title} help={help} columns={['Key', 'Name']} rows={toRows(p[what])} addLabel={`Add ${what.slice(0, -1)}`} check={checkKeyRow} onSave={(rows) => save({ [what]: fromRows(rows) }, title)} />
  );
  return (
    <ViewFrame title="Program settings" subtitle={p.name}>
      <Box sx={{ mb: 2, maxWidth: 1400 }}>
        <FirstRunHint empty={p.triggers.length === 0} onOpenReplay={() => useAppStore.getState().go({ kind: 'replay' })} />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2, alignItems: 'start', maxWidth: 1400 }}>
        {named('Groups', 'groups', 'Every partner is in at most one group; “Change group” actions move them.')}
        {named('Tiers', 'tiers', 'Tiers partners can be in; rules can select several with “is in”.')}
        {named('Tags', 'tags', 'Labels on partners; “Apply a tag” actions add them.')}
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <TimeZoneEditor value={p.timeZone} onSave={(timeZone) => save({ timeZone }, 'Time zone')} />
          <RowsEditor
            title="FX rates"
            saveLabel="Save FX rates"
            help="USD per one unit of each currency (USD is 1). Rewards and event amounts in a currency without a rate are refused."
            columns={['Currency', 'USD per unit']}
            rows={Object.entries(p.fxRates)}
            addLabel="Add currency"
            check={checkFxRow}
            onSave={(rows) => save({ fxRates: Object.fromEntries(rows.map(([c, r]) => [c.trim().toUpperCase(), r.trim()])) }, 'FX rates')}
          />
        </Box>
      </Box>
    </ViewFrame>
  );
}
