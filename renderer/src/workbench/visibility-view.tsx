import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { NamedItem } from '@engine/formats/program-schema';
import { useServiceQuery } from './hooks';
import { dashboardOffers, matrixRows, NO_FILTER, splitReason, type MatrixCell, type VisibilityFilter } from './visibility-model';
import { VisibilityMatrix, type SelectedCell } from './visibility-matrix';
import { PartnerDashboard } from './partner-dashboard';
import type { ProgramViewProps } from './types';
import { ReadableProvider } from './readable';

function FilterSelect({ label, items, value, onChange }: { label: string; items: readonly NamedItem[]; value: string; onChange: (v: string) => void }) {
  return (
    <TextField select size="small" label={label} value={value} onChange={(e) => onChange(e.target.value)} sx={{ minWidth: 150 }}>
      <MenuItem value="">Any</MenuItem>
      {items.map((i) => (
        <MenuItem key={i.key} value={i.key}>
          {i.name}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Sample partners × offers, why each hidden cell is hidden, and one partner's dashboard. */
export function VisibilityView({ programId }: ProgramViewProps) {
  const program = useServiceQuery('programs.get', { programId });
  const report = useServiceQuery('visibility.get', { programId });
  const [filter, setFilter] = useState<VisibilityFilter>(NO_FILTER);
  const [selected, setSelected] = useState<SelectedCell | null>(null);
  const [dashboardKey, setDashboardKey] = useState('');
  const p = program.data?.program;
  const rows = useMemo(() => (report.data && p ? matrixRows(report.data, p.partners, filter) : []), [report.data, p, filter]);
  const cell = selected && rows.find((r) => r.partner.key === selected.partnerKey)?.cells.find((c) => c.triggerId === selected.triggerId);
  const dashPartner = p?.partners.find((x) => x.key === (dashboardKey || p.partners[0]?.key));
  const trigger = selected && p?.triggers.find((t) => t.id === selected.triggerId);
  const partnerName = (key: string) => p?.partners.find((x) => x.key === key)?.name || key;
  return (
    <ReadableProvider program={p}>
      <Stack spacing={2}>
        {(program.error ?? report.error) && <Alert severity="error">{(program.error ?? report.error)?.message}</Alert>}
        <Stack direction="row" spacing={2} role="group" aria-label="Filters">
          <FilterSelect label="Group" items={p?.groups ?? []} value={filter.group} onChange={(group) => setFilter((f) => ({ ...f, group }))} />
          <FilterSelect label="Tier" items={p?.tiers ?? []} value={filter.tier} onChange={(tier) => setFilter((f) => ({ ...f, tier }))} />
          <FilterSelect label="Tag" items={p?.tags ?? []} value={filter.tag} onChange={(tag) => setFilter((f) => ({ ...f, tag }))} />
        </Stack>
        <Stack direction={{ xs: 'column', xl: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Stack spacing={2} sx={{ flex: 2, minWidth: 0, width: '100%' }}>
            <Paper variant="outlined">
              {report.data && <VisibilityMatrix offers={report.data.offers} rows={rows} selected={selected} onSelect={setSelected} />}
              {report.data && rows.length === 0 && <Typography sx={{ p: 2 }}>No sample partner matches these filters.</Typography>}
            </Paper>
            <WhyPanel selected={selected} cell={cell} triggerName={trigger?.name} partnerName={selected ? partnerName(selected.partnerKey) : ''} />
          </Stack>
          <Stack spacing={1} sx={{ flex: 1, minWidth: 300, width: '100%' }}>
            <TextField select size="small" label="Preview dashboard of" value={dashPartner?.key ?? ''} onChange={(e) => setDashboardKey(e.target.value)}>
              {(p?.partners ?? []).map((x) => (
                <MenuItem key={x.key} value={x.key}>
                  {x.name || x.key}
                </MenuItem>
              ))}
            </TextField>
            {dashPartner && report.data && p && <PartnerDashboard partner={dashPartner} programName={p.name} offers={dashboardOffers(report.data, p, dashPartner.key)} />}
          </Stack>
        </Stack>
      </Stack>
    </ReadableProvider>
  );
}

/** Why the clicked cell is visible or hidden: the deciding rule in words, and its path. */
function WhyPanel({ selected, cell, triggerName, partnerName }: { selected: SelectedCell | null; cell: MatrixCell | null | undefined; triggerName: string | undefined; partnerName: string }) {
  const reason = cell && !cell.visible && cell.reason ? splitReason(cell.reason) : null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label="Why">
      {!cell && <Typography color="text.secondary">Click a cell to see the rule that decides it.</Typography>}
      {selected && cell && (
        <Stack spacing={0.5}>
          <Typography variant="subtitle2">
            {triggerName || selected.triggerId} is {cell.visible ? 'visible' : 'hidden'} to {partnerName}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {selected.triggerId} · {selected.partnerKey}
          </Typography>
          {cell.visible && <Typography>No group, tier, tag or partner-key rule rules this partner out.</Typography>}
          {reason && (
            <>
              <Typography data-testid="visibility-reason">{reason.text}</Typography>
              {reason.path && (
                <Typography variant="caption" color="text.secondary">
                  Deciding rule: {reason.path}
                </Typography>
              )}
            </>
          )}
        </Stack>
      )}
    </Paper>
  );
}
