/**
 * The "received from" moment of the activation dialog: a date and a 24-hour time typed in the
 * program's zone, what is wrong with them in words, and the moment read back in both clocks.
 */
import { Stack, TextField, Typography } from '@mui/material';
import { DateInput } from '../ui/date-input';
import { formatInstant } from '../ui/format-instant';
import { parseTypedTime, type ZonedResult } from '../ui/zoned-time';

export interface ActivationMomentFieldsProps {
  date: string | null;
  time: string;
  timeZone: string;
  /** The two read together (`readActivationMoment`). */
  from: ZonedResult;
  onDate: (date: string | null) => void;
  onTime: (time: string) => void;
}

export function ActivationMomentFields({ date, time, timeZone, from, onDate, onTime }: ActivationMomentFieldsProps) {
  // No complaint before a date is there: the date field says that itself.
  const timeProblem = 'problem' in from && date !== null ? from.problem : null;
  return (
    <Stack spacing={1} sx={{ mt: 1 }} role="group" aria-label="Received from">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <DateInput label="Received from (date)" required width={270} value={date} timeZone={timeZone} onChange={onDate} onUnreadable={() => onDate(null)} />
        <TextField
          label="Time (24-hour)"
          value={time}
          placeholder="HH:MM"
          onChange={(e) => onTime(e.target.value)}
          onBlur={() => {
            const hhmm = parseTypedTime(time);
            if (hhmm) onTime(hhmm);
          }}
          error={timeProblem !== null}
          helperText=" "
          sx={{ width: 150 }}
        />
      </Stack>
      {timeProblem && (
        <Typography variant="body2" color="error" role="alert">
          {timeProblem}
        </Typography>
      )}
      {'instant' in from && (
        <Typography variant="body2" aria-label="Activation moment">
          Events received before {formatInstant(from.instant, timeZone)} ({formatInstant(from.instant, 'UTC')}) do not fire it.
          {from.note && ` ${from.note}.`}
        </Typography>
      )}
    </Stack>
  );
}
