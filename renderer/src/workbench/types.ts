/** Props of the views the shell mounts (docs/architecture.md). */
export interface ProgramViewProps {
  programId: string;
  /** The program revision; the views read `useAppStore` when the shell provides it. */
  revision?: number;
}
