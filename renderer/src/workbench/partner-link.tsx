/**
 * A partner key anywhere on screen, as a link to that partner's timeline (events, rewards,
 * drips, group moves and tags on one axis). Shows the partner's name when the view knows it
 * (`useReadable`), the key in the tooltip.
 */
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import { useAppStore } from '../app/app-store';
import { useReadable } from './readable';

export function PartnerLink({ partnerKey, label }: { partnerKey: string; label?: string }) {
  const n = useReadable();
  const text = label ?? n.partner(partnerKey);
  return (
    // describeChild: the tooltip describes the link; its name stays the partner's name, so rows
    // read the same to a screen reader (and to tests) as before the link.
    <Tooltip describeChild title={`${partnerKey} · open the partner timeline`}>
      <Link
        component="button"
        type="button"
        variant="body2"
        underline="hover"
        onClick={(e) => {
          e.stopPropagation();
          useAppStore.getState().go({ kind: 'partner', partnerKey });
        }}
        // In a narrow table cell a long name ends in an ellipsis instead of being cut mid-letter
        // (a button does not inherit the cell's text-overflow).
        sx={{ textAlign: 'left', verticalAlign: 'bottom', maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
      >
        {text}
      </Link>
    </Tooltip>
  );
}
