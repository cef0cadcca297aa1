import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ServiceError } from '@service/contract';
import { useSend, useServiceQuery } from './hooks';
import { groupDigits } from './money-format';

/** What the service keeps as expectations at most (`MAX_EXPECTED_REWARDS` in the service). */
const MAX_EXPECTED_REWARDS = 20_000;

export interface SaveAsExpectedProps {
  runId: string;
  rewardCount: number;
  /** The set already has an expect block: saving replaces it. */
  replaces: boolean;
  onSaved: () => void;
}

/** "Save this run as the expected result": the run's rewards, partner states and/or rejections become the set's `expect`. */
export function SaveAsExpected({ runId, rewardCount, replaces, onSaved }: SaveAsExpectedProps) {
  const send = useSend();
  const tooMany = rewardCount > MAX_EXPECTED_REWARDS;
  const [pick, setPick] = useState({ rewards: !tooMany, partners: true, rejected: true });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true; text: string } | { ok: false; error: ServiceError } | null>(null);
  const save = async () => {
    setBusy(true);
    const r = await send('replay.saveAsExpected', { runId, ...pick });
    setBusy(false);
    if (!r.ok) {
      setOutcome({ ok: false, error: r.error });
      return;
    }
    const e = r.value.expect;
    const parts = [e.rewards && `${groupDigits(String(e.rewards.length))} rewards (exactly these)`, e.partners && `${e.partners.length} partner states`, e.rejected && `${e.rejected.length} rejected events`].filter(Boolean);
    setOutcome({ ok: true, text: `Saved ${parts.join(', ')} as the expectations of “${r.value.eventSet.name}”. Run the replay again to check against them.` });
    onSaved();
  };
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="section" aria-label="Save this run as the expected result">
      <Typography variant="subtitle2">Save this run as the expected result</Typography>
      <FormGroup row>
        <FormControlLabel control={<Checkbox checked={pick.rewards} disabled={tooMany} onChange={(e) => setPick((p) => ({ ...p, rewards: e.target.checked }))} />} label={`Rewards (${groupDigits(String(rewardCount))})`} />
        <FormControlLabel control={<Checkbox checked={pick.partners} onChange={(e) => setPick((p) => ({ ...p, partners: e.target.checked }))} />} label="Partners’ final group, tier and tags" />
        <FormControlLabel control={<Checkbox checked={pick.rejected} onChange={(e) => setPick((p) => ({ ...p, rejected: e.target.checked }))} />} label="Rejected events" />
      </FormGroup>
      {tooMany && (
        <Typography variant="caption" color="text.secondary" component="p">
          More than {groupDigits(String(MAX_EXPECTED_REWARDS))} rewards are too many to keep as expectations; partners and rejections still can be.
        </Typography>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
        <Button variant="outlined" disabled={busy || !(pick.rewards || pick.partners || pick.rejected)} onClick={() => void save()}>
          {replaces ? 'Replace the expectations with this run' : 'Save as expected result'}
        </Button>
        {replaces && (
          <Typography variant="caption" color="warning.main">
            The event set’s current expectations are replaced.
          </Typography>
        )}
      </Stack>
      {outcome && (
        <Alert sx={{ mt: 1 }} severity={outcome.ok ? 'success' : 'error'} role="status" aria-label="Saved expectations">
          {outcome.ok ? outcome.text : outcome.error.message}
        </Alert>
      )}
    </Paper>
  );
}

/** Where JSON.parse stopped, as "line 3, column 7" (it reports a character position). */
function jsonError(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(msg);
  if (!m) return msg;
  const pos = Number(m[1]);
  const before = text.slice(0, pos).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: ${msg.replace(/ in JSON at position \d+.*$/, '')}`;
}

/** The set's `expect` block as JSON to edit; the service checks it and names the path of a problem. */
export function ExpectationsEditor({ eventSetId, onSaved }: { eventSetId: string; onSaved: () => void }) {
  const send = useSend();
  const q = useServiceQuery('eventSets.expectations', { eventSetId });
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const stored = q.data ? JSON.stringify(q.data.expect ?? { rewards: [], partners: [], rejected: [] }, null, 2) : '';
  useEffect(() => {
    if (!open) setText(stored);
  }, [stored, open]);
  const save = async (expect: unknown) => {
    const r = await send('eventSets.setExpectations', { eventSetId, expect });
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    setOpen(false);
    onSaved();
  };
  const submit = () => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      setError(`Expectations are not JSON: ${jsonError(text, e)}`);
      return;
    }
    void save(value);
  };
  if (!open) {
    return (
      <Stack direction="row" spacing={1}>
        <Button size="small" onClick={() => setOpen(true)} disabled={!q.data}>
          {q.data?.expect ? 'Edit expectations' : 'Write expectations by hand'}
        </Button>
        {q.data?.expect && (
          <Button size="small" color="error" onClick={() => void save(null)}>
            Remove expectations
          </Button>
        )}
      </Stack>
    );
  }
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="section" aria-label="Edit expectations">
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        Expectations (the event file’s <code>expect</code> block)
      </Typography>
      <TextField
        multiline
        minRows={8}
        maxRows={24}
        fullWidth
        value={text}
        onChange={(e) => setText(e.target.value)}
        slotProps={{ htmlInput: { 'aria-label': 'Expectations JSON', spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 } } }}
        error={error !== null}
        helperText={error ?? 'rewards (partnerKey, triggerId, eventId, amount, currency, kind, dueAt), exactRewards, partners (key, group, tier, tags), rejected (event ids)'}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button variant="contained" onClick={submit}>
          Save expectations
        </Button>
        <Button
          onClick={() => {
            setOpen(false);
            setError(null);
          }}
        >
          Cancel
        </Button>
      </Stack>
    </Paper>
  );
}
