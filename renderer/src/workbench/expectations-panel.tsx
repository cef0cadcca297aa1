import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ExpectationFailure, ExpectationResult } from '@engine/formats/report';
import { useServiceQuery } from './hooks';
import { dataChanged } from '../client/query-cache';
import { ExpectationsEditor, SaveAsExpected } from './expectations-editor';
import { useReadable } from './readable';
import { closestReward, diffValues, expectationSummary, failureView, pickFields, type DiffLine, type DiffMark } from './expectation-diff';

const MARK_SX: Readonly<Record<DiffMark, object>> = {
  same: { color: 'text.secondary' },
  changed: { bgcolor: 'warning.main', color: 'warning.contrastText', fontWeight: 600 },
  'expected-only': { bgcolor: 'error.main', color: 'error.contrastText', fontWeight: 600 },
  'actual-only': { color: 'text.disabled', fontStyle: 'italic' },
};

/** A diff value as a person reads it: trigger and partner names, the id in the tooltip. */
function DiffValue({ path, text }: { path: string; text: string }) {
  const n = useReadable();
  const leaf = path.split('.').pop();
  const named = leaf === 'triggerId' ? n.trigger(text) : leaf === 'partnerKey' || path === 'key' ? n.partner(text) : text;
  return named === text ? <>{text}</> : <span title={text}>{named}</span>;
}

function DiffTable({ lines }: { lines: readonly DiffLine[] }) {
  if (lines.length === 0) return null;
  return (
    <Table size="small" aria-label="Expected and actual">
      <TableHead>
        <TableRow>
          <TableCell>Field</TableCell>
          <TableCell>Expected</TableCell>
          <TableCell>Actual</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((l) => (
          <TableRow key={l.path}>
            <TableCell>{l.path}</TableCell>
            <TableCell>
              <Box component="span" sx={{ px: 0.5, borderRadius: 0.5, ...MARK_SX[l.mark] }}>
                {l.mark === 'actual-only' ? 'not checked' : <DiffValue path={l.path} text={l.expected} />}
              </Box>
            </TableCell>
            <TableCell>
              <Box component="span" sx={{ px: 0.5, borderRadius: 0.5, ...(l.mark === 'expected-only' ? {} : MARK_SX[l.mark]) }}>
                <DiffValue path={l.path} text={l.actual} />
              </Box>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A missing reward diffed against the closest reward the run did produce for that partner. */
function MissingRewardDiff({ runId, failure, fallback }: { runId: string; failure: ExpectationFailure; fallback: readonly DiffLine[] }) {
  const expected = (typeof failure.expected === 'object' && failure.expected !== null ? failure.expected : {}) as Record<string, unknown>;
  const partnerKey = typeof expected.partnerKey === 'string' ? expected.partnerKey : undefined;
  const q = useServiceQuery('replay.ledger', partnerKey ? { runId, partnerKey, limit: 200 } : null);
  const best = q.data ? closestReward(expected, q.data.rows) : null;
  if (!best) return <DiffTable lines={fallback} />;
  return (
    <>
      <Typography variant="caption" color="text.secondary">
        Closest reward in the run: {best.id}
      </Typography>
      <DiffTable lines={diffValues(expected, pickFields(best, expected))} />
    </>
  );
}

export interface ExpectationsPanelProps {
  result: ExpectationResult;
  /** Whether this run was checked against expectations (its set had an `expect` block then). */
  hasExpectations: boolean;
  runId?: string;
  /** For saving and editing: the run's event set now, and the run's reward count. */
  manage?: { eventSetId: string; setHasExpectations: boolean; rewardCount: number };
}

/** Pass / fail of the event set's expectations, each failure with expected vs actual; save and edit them. */
export function ExpectationsPanel({ result, hasExpectations, runId, manage }: ExpectationsPanelProps) {
  const summary = expectationSummary(result, hasExpectations);
  // The set's expectations, the sets list ("with expectations") and the run's result read them.
  const changed = () => dataChanged('eventSets');
  const tools = manage && runId && (
    <>
      <SaveAsExpected runId={runId} rewardCount={manage.rewardCount} replaces={manage.setHasExpectations} onSaved={changed} />
      <ExpectationsEditor eventSetId={manage.eventSetId} onSaved={changed} />
    </>
  );
  if (summary === null) {
    return (
      <Stack spacing={1.5}>
        <Alert severity="info" aria-label="Expectations result">
          {manage?.setHasExpectations ? 'No expectations were checked: the event set had none when this run was made. Run it again to check the ones it has now.' : 'This event set has no expectations: nothing was checked.'}
        </Alert>
        {tools}
      </Stack>
    );
  }
  return (
    <Stack spacing={1.5}>
      <Alert severity={result.passed ? 'success' : 'error'} aria-label="Expectations result">
        {summary}
      </Alert>
      {result.failures.map((f, i) => {
        const v = failureView(f);
        return (
          <Paper key={i} variant="outlined" sx={{ p: 1.5 }} component="section" aria-label={v.title}>
            <Typography variant="subtitle2">{v.title}</Typography>
            <Typography variant="body2" sx={{ mb: v.lines.length ? 1 : 0 }}>
              {v.message}
            </Typography>
            {f.kind === 'missing_reward' && runId ? <MissingRewardDiff runId={runId} failure={f} fallback={v.lines} /> : <DiffTable lines={v.lines} />}
          </Paper>
        );
      })}
      {tools}
    </Stack>
  );
}
