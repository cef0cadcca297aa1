/** Field, operator and value controls of one rule, or of one "where" filter row. */
import { Box, ListSubheader, MenuItem, TextField } from '@mui/material';
import { fieldSpec, type Operator } from '@engine/catalogue';
import type { Program, Rule } from '@engine/formats/program-schema';
import { changeField, changeOperator, changeValue, fieldKey, operatorChoices, valueEditorFor, type Choice } from './inspector-model';
import { ValueEditorField } from './value-editor';

function groupedItems(choices: Choice[]) {
  const out: React.ReactNode[] = [];
  let group: string | undefined;
  for (const c of choices) {
    if (c.group !== group) {
      group = c.group;
      out.push(<ListSubheader key={`g:${c.group}`}>{c.group}</ListSubheader>);
    }
    out.push(
      <MenuItem key={c.value} value={c.value}>
        {c.label}
      </MenuItem>,
    );
  }
  return out;
}

export function RuleFields(props: { rule: Rule; fields: Choice[]; program: Program; disabled: boolean; onChange: (rule: Rule) => void; prefix?: string }) {
  const { rule, disabled, onChange, prefix = '' } = props;
  const spec = fieldSpec(rule.object, rule.field);
  const key = fieldKey(rule);
  const known = props.fields.some((f) => f.value === key);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <TextField select label={`${prefix}Field`} value={key} disabled={disabled} onChange={(e) => onChange(changeField(rule, e.target.value))} fullWidth>
        {!known && (
          <MenuItem value={key}>
            {key} (not offered)
          </MenuItem>
        )}
        {groupedItems(props.fields)}
      </TextField>
      {spec && (
        <TextField select label={`${prefix}Operator`} value={spec.operators.includes(rule.op) ? rule.op : ''} disabled={disabled} onChange={(e) => onChange(changeOperator(rule, e.target.value as Operator))} fullWidth>
          {operatorChoices(spec).map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      )}
      {spec && spec.operators.includes(rule.op) && (
        <ValueEditorField editor={valueEditorFor(spec, rule.op, props.program)} value={rule.value} disabled={disabled} onChange={(v) => onChange(changeValue(rule, v))} label={`${prefix}Value`} timeZone={props.program.timeZone} />
      )}
    </Box>
  );
}
