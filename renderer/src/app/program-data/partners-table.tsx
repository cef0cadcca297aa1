/**
 * The table of sample partners. Groups, tiers and tags read by their names; the key is in each
 * one's tooltip (imports and the program file use keys).
 */
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import { Chip, IconButton, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useMemo } from 'react';
import type { Partner, Program } from '@engine/formats/program-schema';
import { nameLookup } from '../../ui/name-lookup';

const HEADERS = ['Key', 'Name', 'Group', 'Tier', 'Tags', 'Joined', ''];

/** A group's or tier's name with its key in the tooltip, or a dash for none. */
function Named({ name, id }: { name: string; id: string | null }) {
  return id === null ? '—' : <span title={id}>{name}</span>;
}

export function PartnersTable({ program, onEdit, onDelete }: { program: Program; onEdit: (p: Partner) => void; onDelete: (p: Partner) => void }) {
  const n = useMemo(() => nameLookup(program), [program]);
  const partners = program.partners;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Sample partners" stickyHeader>
        <TableHead>
          <TableRow>
            {HEADERS.map((h) => (
              <TableCell key={h}>{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {partners.map((p) => (
            <TableRow key={p.key} hover>
              <TableCell sx={{ fontFamily: 'monospace' }}>{p.key}</TableCell>
              <TableCell>{p.name}</TableCell>
              <TableCell>
                <Named name={p.group === null ? '' : n.group(p.group)} id={p.group} />
              </TableCell>
              <TableCell>
                <Named name={p.tier === null ? '' : n.tier(p.tier)} id={p.tier} />
              </TableCell>
              <TableCell>
                {p.tags.map((t) => (
                  <Chip key={t} size="small" label={n.tag(t)} title={t} sx={{ mr: 0.5 }} />
                ))}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.joinedAt.slice(0, 10)}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                <IconButton size="small" aria-label={`Edit ${p.key}`} onClick={() => onEdit(p)}>
                  <EditIcon fontSize="small" />
                </IconButton>
                <IconButton size="small" aria-label={`Delete ${p.key}`} onClick={() => onDelete(p)}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
          {partners.length === 0 && (
            <TableRow>
              <TableCell colSpan={HEADERS.length}>No sample partners yet.</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
