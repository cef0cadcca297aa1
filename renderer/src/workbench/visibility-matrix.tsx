import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import type { MatrixRow } from './visibility-model';

export interface SelectedCell {
  partnerKey: string;
  triggerId: string;
}

export interface VisibilityMatrixProps {
  offers: readonly { triggerId: string; description: string }[];
  rows: readonly MatrixRow[];
  selected: SelectedCell | null;
  onSelect: (cell: SelectedCell) => void;
}

/** Partners down, offers across; each cell a button that explains itself. */
export function VisibilityMatrix({ offers, rows, selected, onSelect }: VisibilityMatrixProps) {
  return (
    <TableContainer sx={{ maxHeight: 560 }}>
      <Table size="small" stickyHeader aria-label="Offer visibility matrix">
        <TableHead>
          <TableRow>
            <TableCell sx={{ minWidth: 200 }}>Partner</TableCell>
            {offers.map((o) => (
              <TableCell key={o.triggerId} align="center" sx={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                <Tooltip title={o.description}>
                  <span>{o.triggerId}</span>
                </Tooltip>
              </TableCell>
            ))}
            <TableCell align="right">Sees</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.partner.key} hover>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                <Box sx={{ fontWeight: 500 }}>{r.partner.name || r.partner.key}</Box>
                <Box sx={{ fontSize: 12, color: 'text.secondary' }}>
                  {[r.partner.group, r.partner.tier, ...r.partner.tags].filter(Boolean).join(' · ') || 'no group'}
                </Box>
              </TableCell>
              {r.cells.map((c) => {
                const isSel = selected?.partnerKey === r.partner.key && selected.triggerId === c.triggerId;
                return (
                  <TableCell key={c.triggerId} align="center" sx={{ p: 0.5, bgcolor: isSel ? 'action.selected' : undefined }}>
                    <ButtonBase
                      aria-label={`${r.partner.key} × ${c.triggerId}: ${c.visible ? 'visible' : 'hidden'}`}
                      aria-pressed={isSel}
                      onClick={() => onSelect({ partnerKey: r.partner.key, triggerId: c.triggerId })}
                      sx={{ borderRadius: 1, p: 0.5, width: '100%' }}
                    >
                      {c.visible ? <CheckCircleIcon color="success" fontSize="small" /> : <VisibilityOffIcon color="disabled" fontSize="small" />}
                    </ButtonBase>
                  </TableCell>
                );
              })}
              <TableCell align="right">
                {r.visibleCount}/{r.cells.length}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
