import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { useClockStore } from './format-instant';

/** Switches every shown instant between the program's time zone and UTC (remembered). */
export function ClockToggle() {
  const clock = useClockStore((s) => s.clock);
  const setClock = useClockStore((s) => s.setClock);
  const next = clock === 'utc' ? 'program' : 'utc';
  return (
    <Tooltip title={clock === 'utc' ? 'Times are shown in UTC. Click to show them in the program’s time zone.' : 'Times are shown in the program’s time zone. Click to show them in UTC.'}>
      <Button size="small" color="inherit" startIcon={<ScheduleIcon />} onClick={() => setClock(next)} aria-label={clock === 'utc' ? 'Show times in the program time zone' : 'Show times in UTC'} sx={{ whiteSpace: 'nowrap' }}>
        {clock === 'utc' ? 'UTC' : 'Program time'}
      </Button>
    </Tooltip>
  );
}
