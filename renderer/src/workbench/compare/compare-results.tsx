/**
 * A comparison on screen: totals A, B and B − A, the monthly payouts chart (A vs B) with its
 * table, per-trigger deltas (each row opens the traces of both sides), per-partner deltas (names
 * linking to the partner timeline) and the partners whose final group or tags differ.
 */
import { useState } from 'react';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Comparison, PartnerDelta, PartnerStateDelta, TriggerDelta } from '@engine/compare';
import type { Program } from '@engine/formats/program-schema';
import type { ArgsOf } from '@service/contract';
import { MonthlyBarChart } from '../charts';
import { displaySignedUsd, displayUsd } from '../money-format';
import { PartnerLink } from '../partner-link';
import { SmallTable } from '../small-table';
import { monthLabel } from '../month-model';
import { formatInstant } from '../../ui/format-instant';
import { deltaHeadline, monthBars, stateText, triggerRowName, triggerRowNote, type Against } from './compare-model';
import { CompareTracesDialog } from './compare-traces-dialog';

export interface CompareResultsProps {
  comparison: Comparison;
  program: Program;
  against: Against;
  request: ArgsOf<'programs.compare'>;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={title}>
      <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** B's name on screen: the other program's, or "<A> at the end of Nov 1, 2026". */
function sideNames(c: Comparison, against: Against): { a: string; b: string } {
  if ('programId' in against) return { a: c.a.program, b: c.b.program };
  // The typed day itself, whatever the zone (noon UTC is that calendar day when read in UTC).
  const day = formatInstant(`${against.asOfDate}T12:00:00Z`, 'UTC', { dateOnly: true });
  return { a: `${c.a.program} now`, b: `${c.a.program} at the end of ${day}` };
}

function Totals({ c, names }: { c: Comparison; names: { a: string; b: string } }) {
  type Row = { label: string; a: string; b: string; delta: string };
  const count = (a: number, b: number, label: string): Row => ({ label, a: String(a), b: String(b), delta: `${b - a > 0 ? '+' : ''}${b - a}` });
  const rows: Row[] = [
    { label: 'Rewards paid', a: displayUsd(c.a.rewardsUsd), b: displayUsd(c.b.rewardsUsd), delta: deltaHeadline(c, displaySignedUsd) },
    count(c.a.rewards, c.b.rewards, 'Rewards'),
    count(c.a.groupChanges, c.b.groupChanges, 'Group moves'),
    count(c.a.tagsApplied, c.b.tagsApplied, 'Tags applied'),
    count(c.a.rejected, c.b.rejected, 'Rejected events'),
  ];
  return <SmallTable label="Totals" rows={rows} empty="" columns={[{ label: 'Total', cell: (r) => r.label }, { label: `A: ${names.a}`, cell: (r) => r.a }, { label: `B: ${names.b}`, cell: (r) => r.b }, { label: 'B − A', cell: (r) => r.delta }]} />;
}

function Months({ c, names }: { c: Comparison; names: { a: string; b: string } }) {
  return (
    <Stack spacing={1}>
      <MonthlyBarChart grouped label="Monthly payouts chart, A vs B" months={monthBars(c)} series={[`A: ${names.a}`, `B: ${names.b}`]} />
      <SmallTable
        label="Payouts per month"
        rows={c.months}
        empty="Neither side pays anything."
        columns={[
          { label: 'Month due', cell: (m) => monthLabel(m.month) },
          { label: 'A', cell: (m) => displayUsd(m.aUsd) },
          { label: 'B', cell: (m) => displayUsd(m.bUsd) },
          { label: 'B − A', cell: (m) => displaySignedUsd(m.deltaUsd) },
        ]}
      />
    </Stack>
  );
}

function Triggers({ c, onTraces }: { c: Comparison; onTraces: (t: TriggerDelta) => void }) {
  return (
    <SmallTable
      label="Per trigger"
      rows={c.triggers}
      empty="Neither program has a trigger."
      columns={[
        { label: 'Trigger', cell: (t) => triggerRowName(t) },
        { label: 'Note', cell: (t) => triggerRowNote(t) },
        { label: 'A', cell: (t) => (t.a ? `${displayUsd(t.a.rewardsUsd)} · ${t.a.rewards}` : '—') },
        { label: 'B', cell: (t) => (t.b ? `${displayUsd(t.b.rewardsUsd)} · ${t.b.rewards}` : '—') },
        { label: 'B − A', cell: (t) => displaySignedUsd(t.deltaUsd) },
        { label: 'Traces', noPrint: true, cell: (t) => <Button size="small" aria-label={`Traces of ${triggerRowName(t)}`} onClick={() => onTraces(t)}>Traces</Button> },
      ]}
    />
  );
}

function Partners({ rows }: { rows: PartnerDelta[] }) {
  return (
    <SmallTable
      label="Per partner"
      rows={rows}
      empty="No partner's total moved."
      columns={[
        { label: 'Partner', cell: (p) => <PartnerLink partnerKey={p.partnerKey} /> },
        { label: 'A', cell: (p) => `${displayUsd(p.aUsd)} · ${p.aRewards}` },
        { label: 'B', cell: (p) => `${displayUsd(p.bUsd)} · ${p.bRewards}` },
        { label: 'B − A', cell: (p) => displaySignedUsd(p.deltaUsd) },
      ]}
    />
  );
}

function States({ rows, program }: { rows: PartnerStateDelta[]; program: Program }) {
  const groups = new Map(program.groups.map((g) => [g.key, g.name]));
  const group = (k: string) => groups.get(k) ?? k;
  return (
    <SmallTable
      label="Final group or tags"
      rows={rows}
      empty="Every partner ends in the same group with the same tags."
      columns={[
        { label: 'Partner', cell: (p) => <PartnerLink partnerKey={p.partnerKey} /> },
        { label: 'A', cell: (p) => stateText(p.a, group) },
        { label: 'B', cell: (p) => stateText(p.b, group) },
      ]}
    />
  );
}

export function CompareResults({ comparison: c, program, against, request }: CompareResultsProps) {
  const names = sideNames(c, against);
  const [traced, setTraced] = useState<TriggerDelta | null>(null);
  return (
    <Stack spacing={2}>
      <Section title="Totals">
        <Totals c={c} names={names} />
      </Section>
      <Section title="Payouts per month (due date)">
        <Months c={c} names={names} />
      </Section>
      <Section title="Per trigger">
        <Triggers c={c} onTraces={setTraced} />
      </Section>
      <Section title={`Per partner (${c.partners.length} whose total moved, largest first)`}>
        <Partners rows={c.partners} />
      </Section>
      <Section title="Partners whose final group or tags differ">
        <States rows={c.partnerStates} program={program} />
      </Section>
      {traced && <CompareTracesDialog trigger={traced} request={request} names={names} program={program} against={against} onClose={() => setTraced(null)} />}
    </Stack>
  );
}
