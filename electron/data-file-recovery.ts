/**
 * What the desktop app does when its data file is damaged or not an Offerflow file: it asks
 * the person, and the only choices are "start fresh, keep the old file aside" or quit; the file
 * is never overwritten. A newer app's file is not recoverable here (the error propagates and the
 * app explains and quits), so nobody downgrades their data by accident.
 */
import { DataFileError } from '../service/store/safe-open';

export type RecoveryChoice = 'start-fresh' | 'quit';

export interface RecoveryDeps<S> {
  /** Opens the service (throws DataFileError for a file it refuses). */
  open: () => S;
  /** Shows the problem and returns the person's choice. */
  ask: (error: DataFileError) => RecoveryChoice;
  /** Moves the refused file aside; returns where it went. */
  startFresh: (file: string) => string;
  /** Tells the person where the old file went. */
  tell: (message: string) => void;
}

/** The opened service, or null when the person chose to quit. */
export function openWithRecovery<S>(deps: RecoveryDeps<S>): S | null {
  try {
    return deps.open();
  } catch (e) {
    if (!(e instanceof DataFileError) || !e.canStartFresh) throw e;
    if (deps.ask(e) === 'quit') return null;
    const aside = deps.startFresh(e.file);
    deps.tell(`The old data file was kept as ${aside}. Offerflow starts with an empty data file.`);
    return deps.open();
  }
}

/** The dialog's wording, shared by main.ts and its test. */
export const RECOVERY_BUTTONS = ['Start fresh (keep the old file aside)', 'Quit'] as const;
