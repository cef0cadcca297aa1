import type { DripSettings, Offer } from '../../../engine/formats/program-schema';

export interface ProgramViewProps {
  programId: string;
}

export interface DripPreviewProps {
  programId: string;
  drip: DripSettings;
  offer: Offer;
}

function Pending({ what }: { what: string }) {
  return <div role="status">{what} is being built.</div>;
}

export function DripPreview(_props: DripPreviewProps) {
  return <Pending what="Drip preview" />;
}
export function DripPreviewView(_props: ProgramViewProps) {
  return <Pending what="Drip preview" />;
}
export function VisibilityView(_props: ProgramViewProps) {
  return <Pending what="Offer visibility" />;
}
export function ReplayWorkbench(_props: ProgramViewProps) {
  return <Pending what="Replay workbench" />;
}
export function PayoutsView(_props: ProgramViewProps) {
  return <Pending what="Payouts" />;
}
