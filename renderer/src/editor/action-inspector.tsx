/**
 * The Action inspector. Once activated, only the offer description, reward type, amount and
 * currency stay editable (seed); everything else is disabled with the reason shown.
 */
import { Alert, Box, FormControlLabel, MenuItem, Switch, TextField, ToggleButton, ToggleButtonGroup, Tooltip, Typography } from '@mui/material';
import type { TriggerEvent } from '@engine/catalogue';
import { dripSummary } from '@engine/drip';
import { CALENDAR_UNITS, type Action, type ActionType, type DripSettings, type Offer, type Period, type Program } from '@engine/formats/program-schema';
import { DripPreview } from '../workbench';
import { actionTypeChoices, changeActionType, changeOfferType, LOCK_REASON, percentageProblem, withDrip, withOffer } from './action-model';
import { currencyChoices } from './inspector-model';

interface Props {
  programId: string;
  action: Action;
  event: TriggerEvent;
  program: Program;
  locked: boolean;
  onChange: (action: Action, key?: string) => void;
}

function intOf(text: string): number {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? n : 0;
}

function PeriodField({ label, value, disabled, onChange }: { label: string; value: Period; disabled: boolean; onChange: (p: Period) => void }) {
  return (
    <Box sx={{ display: 'flex', gap: 1 }}>
      <TextField label={`${label} count`} type="number" value={value.count} disabled={disabled} onChange={(e) => onChange({ ...value, count: intOf(e.target.value) })} sx={{ flex: 1 }} />
      <TextField select label={`${label} unit`} value={value.unit} disabled={disabled} onChange={(e) => onChange({ ...value, unit: e.target.value as Period['unit'] })} sx={{ flex: 1 }}>
        {CALENDAR_UNITS.map((u) => (
          <MenuItem key={u} value={u}>
            {u}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
}

function OfferFields({ offer, event, program, onChange }: { offer: Offer; event: TriggerEvent; program: Program; onChange: (o: Offer, key?: string) => void }) {
  const pctProblem = percentageProblem(event);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <TextField label="Offer description (partners see this)" value={offer.description} multiline minRows={2} onChange={(e) => onChange({ ...offer, description: e.target.value }, 'description')} />
      <ToggleButtonGroup exclusive size="small" value={offer.type} aria-label="Reward type" onChange={(_e, v: Offer['type'] | null) => v && onChange(changeOfferType(offer, v))}>
        <ToggleButton value="flat">Flat</ToggleButton>
        <Tooltip title={pctProblem ?? ''}>
          <span>
            <ToggleButton value="percentage" disabled={pctProblem !== null && offer.type !== 'percentage'} selected={offer.type === 'percentage'} onChange={() => onChange(changeOfferType(offer, 'percentage'))}>
              Percentage
            </ToggleButton>
          </span>
        </Tooltip>
      </ToggleButtonGroup>
      {pctProblem && offer.type === 'flat' && (
        <Typography variant="caption" color="text.secondary">
          {pctProblem}
        </Typography>
      )}
      {offer.type === 'flat' ? (
        <Box sx={{ display: 'flex', gap: 1 }}>
          <TextField label="Amount" value={offer.amount} onChange={(e) => onChange({ ...offer, amount: e.target.value }, 'amount')} slotProps={{ htmlInput: { inputMode: 'decimal' } }} sx={{ flex: 2 }} />
          <TextField select label="Currency" value={offer.currency} onChange={(e) => onChange({ ...offer, currency: e.target.value })} sx={{ flex: 1 }}>
            {currencyChoices(program).map((c) => (
              <MenuItem key={c.value} value={c.value}>
                {c.label}
              </MenuItem>
            ))}
          </TextField>
        </Box>
      ) : (
        <TextField label="Percent of the transaction" value={offer.percent} onChange={(e) => onChange({ ...offer, percent: e.target.value }, 'percent')} slotProps={{ htmlInput: { inputMode: 'decimal' }, input: { endAdornment: '%' } }} />
      )}
    </Box>
  );
}

function DripFields({ drip, offer, locked, onChange }: { drip: DripSettings; offer: Offer; locked: boolean; onChange: (d: DripSettings) => void }) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="overline" color="text.secondary">
        Drip settings
      </Typography>
      <TextField label="Occurrences" type="number" value={drip.occurrences} disabled={locked} onChange={(e) => onChange({ ...drip, occurrences: intOf(e.target.value) })} />
      <PeriodField label="Delay" value={drip.delay} disabled={locked} onChange={(delay) => onChange({ ...drip, delay })} />
      <PeriodField label="Cycle" value={drip.cycle ?? { count: 1, unit: 'month' }} disabled={locked} onChange={(cycle) => onChange({ ...drip, cycle })} />
      <FormControlLabel control={<Switch checked={drip.split} disabled={locked} onChange={(e) => onChange({ ...drip, split: e.target.checked })} />} label="Split the amount over the occurrences" />
      <Alert severity="info" icon={false} aria-label="Drip summary">
        {dripSummary(drip, offer)}
      </Alert>
    </Box>
  );
}

export function ActionInspector({ programId, action, event, program, locked, onChange }: Props) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <TextField select label="Action" value={action.type} disabled={locked} helperText={locked ? LOCK_REASON : undefined} onChange={(e) => onChange(changeActionType(action, e.target.value as ActionType, program))}>
        {actionTypeChoices().map((c) => (
          <MenuItem key={c.value} value={c.value}>
            {c.label}
          </MenuItem>
        ))}
      </TextField>
      {(action.type === 'reward' || action.type === 'drip') && <OfferFields offer={action.offer} event={event} program={program} onChange={(o, key) => onChange(withOffer(action, o), key)} />}
      {action.type === 'drip' && (
        <>
          <DripFields drip={action.drip} offer={action.offer} locked={locked} onChange={(d) => onChange(withDrip(action, d), 'drip')} />
          <DripPreview programId={programId} drip={action.drip} offer={action.offer} timeZone={program.timeZone} />
        </>
      )}
      {action.type === 'change_group' && (
        <TextField select label="Move the partner to group" value={action.group} disabled={locked} helperText={locked ? LOCK_REASON : undefined} onChange={(e) => onChange({ ...action, group: e.target.value })}>
          {program.groups.map((g) => (
            <MenuItem key={g.key} value={g.key}>
              {g.name || g.key}
            </MenuItem>
          ))}
        </TextField>
      )}
      {action.type === 'apply_tag' && (
        <TextField select label="Apply the tag" value={action.tag} disabled={locked} helperText={locked ? LOCK_REASON : undefined} onChange={(e) => onChange({ ...action, tag: e.target.value })}>
          {program.tags.map((t) => (
            <MenuItem key={t.key} value={t.key}>
              {t.name || t.key}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Box>
  );
}
