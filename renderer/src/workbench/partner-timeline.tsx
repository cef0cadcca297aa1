/**
 * One partner on one time axis: the events that concern them, the rewards they earned, their
 * drip payments when they fall due, group moves and tags, with running totals; a chart of what
 * they earn per month (one-off and drip) and of the running total; and their statement (every
 * reward by due month, with balances by review status), printable.
 */
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Partner } from '@engine/formats/program-schema';
import { useAppStore } from '../app/app-store';
import { ChosenRunBar, useChosenRun } from './chosen-run';
import { useServiceQuery } from './hooks';
import { Statement } from './partner-statement';
import { Timeline } from './partner-timeline-panel';
import { PrintStyles } from './print';
import { useReadable } from './readable';
import { ProgramNames } from './program-names';

type PartnerTab = 'timeline' | 'statement';

/** The partner picker, and the partner's group, tier, tags and start by their names. */
function PartnerHeader({ partners, partnerKey, tab }: { partners: readonly Partner[] | undefined; partnerKey: string; tab: PartnerTab }) {
  const n = useReadable();
  const go = useAppStore((s) => s.go);
  const partner = partners?.find((p) => p.key === partnerKey);
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField select size="small" label="Partner" value={partner ? partnerKey : ''} onChange={(e) => go({ kind: 'partner', partnerKey: e.target.value, tab })} sx={{ minWidth: 260 }}>
        {(partners ?? []).map((p) => (
          <MenuItem key={p.key} value={p.key}>
            {p.name || p.key}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" color="text.secondary" aria-label="Partner details">
        {partnerKey}
        {partner ? ` · group ${partner.group === null ? 'none' : n.group(partner.group)} · tier ${partner.tier === null ? 'none' : n.tier(partner.tier)} · tags ${partner.tags.length ? partner.tags.map(n.tag).join(', ') : 'none'} · joined ${n.instant(partner.joinedAt)}` : ' · not a sample partner of the program now'}
      </Typography>
    </Stack>
  );
}

function PartnerScreen({ programId, partnerKey, tab }: { programId: string; partnerKey: string; tab: PartnerTab }) {
  const n = useReadable();
  const doc = useServiceQuery('programs.get', { programId });
  const chosen = useChosenRun(programId);
  const { run } = chosen;
  const go = useAppStore((s) => s.go);
  return (
    <Stack spacing={2}>
      <PrintStyles />
      <PartnerHeader partners={doc.data?.program.partners} partnerKey={partnerKey} tab={tab} />
      <ChosenRunBar chosen={chosen} empty="Run a replay first: the timeline is drawn from a finished run." />
      <Tabs value={tab} onChange={(_, v: PartnerTab) => go({ kind: 'partner', partnerKey, tab: v })} aria-label="Partner views">
        <Tab value="timeline" label="Timeline" />
        <Tab value="statement" label="Statement" />
      </Tabs>
      {run && tab === 'timeline' && <Timeline key={`${run.id}:${partnerKey}`} runId={run.id} partnerKey={partnerKey} />}
      {run && tab === 'statement' && <Statement key={`${run.id}:${partnerKey}`} runId={run.id} partnerKey={partnerKey} name={n.partner(partnerKey)} />}
    </Stack>
  );
}

/** The partner screen the shell mounts for `{ kind: 'partner', partnerKey, tab? }`. */
export function PartnerTimelineView({ programId, partnerKey, tab = 'timeline' }: { programId: string; partnerKey: string; tab?: PartnerTab }) {
  return (
    <ProgramNames programId={programId}>
      <PartnerScreen programId={programId} partnerKey={partnerKey} tab={tab} />
    </ProgramNames>
  );
}
