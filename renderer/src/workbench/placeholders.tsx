
export interface ProgramViewProps {
  programId: string;
}

function Pending({ what }: { what: string }) {
  return <div role="status">{what} is being built.</div>;
}

export function ReplayWorkbench(_props: ProgramViewProps) {
  return <Pending what="Replay workbench" />;
}
export function PayoutsView(_props: ProgramViewProps) {
  return <Pending what="Payouts" />;
}
