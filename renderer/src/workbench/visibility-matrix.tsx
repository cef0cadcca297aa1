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
import { useReadable } from './readable';

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

/** Offer columns are narrow (an icon) and their names read bottom-up, so 19 offers fit at 1280. */
const OFFER_W = 34;
const HEAD_H = 168;
const PARTNER_W = 180;

/** The partner column stays put while the offers scroll sideways. */
const sticky = { position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper', borderRight: 1, borderRightColor: 'divider' } as const;
/** So does the "Sees" count on the right: however many offers, it never scrolls out of sight. */
const stickyRight = { position: 'sticky', right: 0, zIndex: 1, bgcolor: 'background.paper', borderLeft: 1, borderLeftColor: 'divider' } as const;

/** Partners down, offers across (names as rotated headers); each cell a button that explains itself. */
export function VisibilityMatrix({ offers, rows, selected, onSelect }: VisibilityMatrixProps) {
  const n = useReadable();
  return (
    <TableContainer sx={{ maxHeight: 620 }}>
      <Table size="small" stickyHeader aria-label="Offer visibility matrix" sx={{ tableLayout: 'fixed', width: PARTNER_W + offers.length * OFFER_W + 64 }}>
        <OfferHeaders offers={offers} />
        <TableBody>
          {rows.map((r) => {
            const name = r.partner.name || r.partner.key;
            return (
              <TableRow key={r.partner.key} hover>
                <TableCell component="th" scope="row" sx={{ ...sticky, width: PARTNER_W, overflow: 'hidden' }} title={r.partner.key}>
                  <Box sx={{ fontWeight: 500, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{name}</Box>
                  <Box sx={{ fontSize: 12, color: 'text.secondary', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {[r.partner.group && n.group(r.partner.group), r.partner.tier && n.tier(r.partner.tier), ...r.partner.tags.map(n.tag)].filter(Boolean).join(' · ') || 'no group'}
                  </Box>
                </TableCell>
                {r.cells.map((c) => {
                  const isSel = selected?.partnerKey === r.partner.key && selected.triggerId === c.triggerId;
                  return (
                    <TableCell key={c.triggerId} align="center" sx={{ p: 0.25, bgcolor: isSel ? 'action.selected' : undefined }}>
                      <ButtonBase
                        aria-label={`${name} × ${n.trigger(c.triggerId)}: ${c.visible ? 'visible' : 'hidden'}`}
                        aria-pressed={isSel}
                        onClick={() => onSelect({ partnerKey: r.partner.key, triggerId: c.triggerId })}
                        sx={{ borderRadius: 1, p: 0.5, width: '100%' }}
                      >
                        {c.visible ? <CheckCircleIcon color="success" fontSize="small" /> : <VisibilityOffIcon color="disabled" fontSize="small" />}
                      </ButtonBase>
                    </TableCell>
                  );
                })}
                <TableCell align="right" sx={stickyRight}>
                  {r.visibleCount}/{r.cells.length}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** The offers as rotated names, with the trigger and its description in the tooltip. */
function OfferHeaders({ offers }: { offers: VisibilityMatrixProps['offers'] }) {
  const n = useReadable();
  return (
    <TableHead>
      <TableRow>
        <TableCell sx={{ ...sticky, zIndex: 3, width: PARTNER_W, verticalAlign: 'bottom' }}>Partner</TableCell>
        {offers.map((o) => (
          <TableCell key={o.triggerId} sx={{ width: OFFER_W, height: HEAD_H, p: 0, verticalAlign: 'bottom' }}>
            <Tooltip title={`${n.trigger(o.triggerId)} (${o.triggerId})${o.description ? ` — ${o.description}` : ''}`} placement="top">
              <Box
                component="span"
                sx={{
                  display: 'block', writingMode: 'vertical-rl', transform: 'rotate(180deg)', maxHeight: HEAD_H - 8, mx: 'auto', py: 0.5,
                  overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: 12, fontWeight: 500, lineHeight: `${OFFER_W}px`,
                }}
              >
                {n.trigger(o.triggerId)}
              </Box>
            </Tooltip>
          </TableCell>
        ))}
        <TableCell align="right" sx={{ ...stickyRight, zIndex: 3, width: 64, verticalAlign: 'bottom' }}>
          Sees
        </TableCell>
      </TableRow>
    </TableHead>
  );
}
