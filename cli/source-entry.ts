/**
 * The CLI run from its TypeScript source (`node --import tsx cli/source-entry.ts …`): for
 * tests that need a real process (pipes, FIFOs, devices) without depending on a build.
 */
import { run } from './main';

process.exitCode = run(process.argv.slice(2));
