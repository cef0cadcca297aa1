/** Props of the views the shell mounts (docs/architecture.md). */
export interface ProgramViewProps {
  programId: string;
}
