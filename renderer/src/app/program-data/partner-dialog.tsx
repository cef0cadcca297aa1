/** Add or edit one sample partner. */
import { Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Partner, Program } from '@engine/formats/program-schema';
import { Temporal } from 'temporal-polyfill';
import { DateInput } from '../../ui/date-input';
import { ConfirmDialog } from '../dialogs';
import { useLeaveGuard } from '../leave-guard';

/** The day an instant falls on in the program's zone (YYYY-MM-DD), or null when unreadable. */
function joinedDate(instant: string, timeZone: string): string | null {
  try {
    return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
  } catch {
    return null;
  }
}

/** Midnight of `date` in the program's zone, as a UTC instant. */
function midnightIn(date: string, timeZone: string): string {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).toInstant().toString();
}

export function blankPartner(): Partner {
  return { key: '', name: '', group: null, tier: null, tags: [], joinedAt: `${new Date().toISOString().slice(0, 10)}T00:00:00Z` };
}

export function PartnerDialog(props: { open: boolean; partner: Partner; isNew: boolean; program: Program; onClose: () => void; onSave: (p: Partner) => void }) {
  const [p, setP] = useState(props.partner);
  const [asking, setAsking] = useState(false);
  useEffect(() => setP(props.partner), [props.partner, props.open]);
  const { program } = props;
  const dirty = props.open && JSON.stringify(p) !== JSON.stringify(props.partner);
  // Escape, a click outside and Cancel all ask first when something was typed.
  const close = () => (dirty ? setAsking(true) : props.onClose());
  useLeaveGuard('partner-dialog', dirty ? `The partner “${p.key || p.name || 'new partner'}” in the dialog is not saved.` : null, props.onClose);
  return (
    <Dialog open={props.open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>{props.isNew ? 'Add sample partner' : `Edit ${props.partner.key}`}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <PartnerFields p={p} program={program} onChange={setP} />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" disabled={p.key.trim() === ''} onClick={() => props.onSave({ ...p, key: p.key.trim() })}>
          Save partner
        </Button>
      </DialogActions>
      <ConfirmDialog
        open={asking}
        title={props.isNew ? 'Discard this new partner?' : 'Discard your changes?'}
        text="What you typed in this dialog is not saved yet."
        confirm="Discard"
        cancel="Keep editing"
        onClose={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          props.onClose();
        }}
      />
    </Dialog>
  );
}

/** One of the program's groups or tiers, or none. */
function KeySelect({ label, items, value, onChange }: { label: string; items: readonly { key: string; name?: string }[]; value: string | null; onChange: (key: string | null) => void }) {
  return (
    <TextField select label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <MenuItem value="">(none)</MenuItem>
      {items.map((g) => (
        <MenuItem key={g.key} value={g.key}>
          {g.name || g.key}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The partner's fields; the day they joined is typed as a day in the program's time zone. */
function PartnerFields({ p, program, onChange: setP }: { p: Partner; program: Program; onChange: (p: Partner) => void }) {
  return (
    <>
      <TextField label="Key (case sensitive)" value={p.key} onChange={(e) => setP({ ...p, key: e.target.value })} required />
      <TextField label="Name" value={p.name} onChange={(e) => setP({ ...p, name: e.target.value })} />
      <KeySelect label="Group" items={program.groups} value={p.group} onChange={(group) => setP({ ...p, group })} />
      <KeySelect label="Tier" items={program.tiers} value={p.tier} onChange={(tier) => setP({ ...p, tier })} />
      <Autocomplete multiple options={program.tags.map((t) => t.key)} value={p.tags} onChange={(_e, tags) => setP({ ...p, tags })} renderInput={(params) => <TextField {...params} label="Tags" />} />
      <DateInput
        label="Joined the program on"
        required
        value={joinedDate(p.joinedAt, program.timeZone)}
        timeZone={program.timeZone}
        helperText="The partner's day 0; they join at midnight in the program's time zone."
        onChange={(iso) => iso && iso !== joinedDate(p.joinedAt, program.timeZone) && setP({ ...p, joinedAt: midnightIn(iso, program.timeZone) })}
      />
    </>
  );
}
