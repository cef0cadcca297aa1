/** The inspector of a rule node: catalogue-driven controls and the aggregate's "where" rows. */
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, Tooltip, Typography } from '@mui/material';
import { fieldSpec, type TriggerEvent } from '@engine/catalogue';
import type { Program, Rule } from '@engine/formats/program-schema';
import { addFilter, fieldChoices, filterChoices, removeFilter, updateFilter } from './inspector-model';
import { RuleFields } from './rule-fields';
import { ruleSentence } from './sentences';

export function RuleInspector(props: { rule: Rule; event: TriggerEvent; program: Program; locked: boolean; onChange: (rule: Rule) => void }) {
  const { rule, locked, onChange } = props;
  const spec = fieldSpec(rule.object, rule.field);
  const filters = filterChoices(rule);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="body2" aria-label="Rule in words" sx={{ fontWeight: 600 }}>
        {ruleSentence(rule, props.program)}
      </Typography>
      <RuleFields rule={rule} fields={fieldChoices(props.event)} program={props.program} disabled={locked} onChange={onChange} />
      {spec && (
        <Typography variant="caption" color="text.secondary">
          {spec.help}
        </Typography>
      )}
      {(rule.filters ?? []).map((f, i) => (
        <Box key={i} role="group" aria-label={`Where ${i + 1}`} sx={{ ml: 2, pl: 1.5, borderLeft: 3, borderColor: 'divider', display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <Box sx={{ flex: 1 }}>
            <Typography variant="overline" color="text.secondary">
              Where
            </Typography>
            <RuleFields rule={f} fields={filters} program={props.program} disabled={locked} onChange={(next) => onChange(updateFilter(rule, i, next))} prefix="Where " />
          </Box>
          <Tooltip title="Remove this filter">
            <span>
              <IconButton aria-label={`Remove filter ${i + 1}`} disabled={locked} onClick={() => onChange(removeFilter(rule, i))} sx={{ mt: 3 }}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        </Box>
      ))}
      {filters.length > 0 && (
        <Button variant="text" disabled={locked} onClick={() => onChange(addFilter(rule))} sx={{ alignSelf: 'flex-start' }}>
          Filter the above condition
        </Button>
      )}
    </Box>
  );
}
