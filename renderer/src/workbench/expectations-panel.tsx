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
import type { ExpectationResult } from '../../../engine/formats/report';
import { expectationSummary, failureView, type DiffMark } from './expectation-diff';

const MARK_SX: Readonly<Record<DiffMark, object>> = {
  same: { color: 'text.secondary' },
  changed: { bgcolor: 'warning.light', fontWeight: 600 },
  'expected-only': { bgcolor: 'error.light', fontWeight: 600 },
  'actual-only': { bgcolor: 'info.light', fontWeight: 600 },
};

/** Pass / fail of the event set's expectations, each failure with expected vs actual. */
export function ExpectationsPanel({ result, hasExpectations }: { result: ExpectationResult; hasExpectations: boolean }) {
  const summary = expectationSummary(result, hasExpectations);
  if (summary === null) return <Typography color="text.secondary">This event set has no expectations.</Typography>;
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
            {v.lines.length > 0 && (
              <Table size="small" aria-label="Expected and actual">
                <TableHead>
                  <TableRow>
                    <TableCell>Field</TableCell>
                    <TableCell>Expected</TableCell>
                    <TableCell>Actual</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {v.lines.map((l) => (
                    <TableRow key={l.path}>
                      <TableCell>{l.path}</TableCell>
                      <TableCell>
                        <Box component="span" sx={{ px: 0.5, borderRadius: 0.5, ...(l.mark === 'same' ? MARK_SX.same : l.mark === 'actual-only' ? {} : MARK_SX[l.mark]) }}>
                          {l.expected}
                        </Box>
                      </TableCell>
                      <TableCell>
                        <Box component="span" sx={{ px: 0.5, borderRadius: 0.5, ...(l.mark === 'expected-only' ? {} : MARK_SX[l.mark]) }}>
                          {l.actual}
                        </Box>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
