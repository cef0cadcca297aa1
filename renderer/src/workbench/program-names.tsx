/**
 * The program's names and clock (`ReadableProvider`) for a whole screen, from the program the
 * screen is of: what each results screen wraps itself in, so its parts read names, not keys.
 */
import type { ReactNode } from 'react';
import { useServiceQuery } from './hooks';
import { ReadableProvider } from './readable';

export function ProgramNames({ programId, children }: { programId: string; children: ReactNode }) {
  const program = useServiceQuery('programs.get', { programId });
  return <ReadableProvider program={program.data?.program}>{children}</ReadableProvider>;
}
