import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Partner } from '@engine/formats/program-schema';
import type { DashboardOffer } from './visibility-model';

/** What a partner sees on their own dashboard: the offers visible to them, as cards. */
export function PartnerDashboard({ partner, offers, programName }: { partner: Partner; offers: readonly DashboardOffer[]; programName: string }) {
  return (
    <Box component="section" aria-label={`Dashboard of ${partner.key}`} sx={{ bgcolor: 'action.hover', borderRadius: 2, p: 2 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2 }}>
        <Avatar sx={{ bgcolor: 'primary.main' }}>{(partner.name || partner.key).slice(0, 1).toUpperCase()}</Avatar>
        <Box>
          <Typography variant="subtitle1">Welcome, {partner.name || partner.key}</Typography>
          <Typography variant="caption" color="text.secondary">
            {programName} · your offers
          </Typography>
        </Box>
      </Stack>
      {offers.length === 0 && <Typography color="text.secondary">No offers are available to you right now.</Typography>}
      <Stack spacing={1.5}>
        {offers.map((o) => (
          <Card key={o.triggerId} variant="outlined">
            <CardContent sx={{ '&:last-child': { pb: 2 } }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}>
                <Typography variant="h6" component="h3">
                  {o.reward}
                </Typography>
                <Chip size="small" label={o.kind === 'drip' ? 'Recurring' : 'One-off'} color={o.kind === 'drip' ? 'secondary' : 'primary'} variant="outlined" />
              </Stack>
              <Typography>{o.description}</Typography>
              <Typography variant="body2" color="text.secondary">
                {o.when}
              </Typography>
            </CardContent>
          </Card>
        ))}
      </Stack>
    </Box>
  );
}
