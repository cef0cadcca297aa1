/**
 * The CLI from its TypeScript sources, for tests that need a real process (`--watch`): the
 * built `bin/offerflow.mjs` may be missing or stale while the sources are being tested.
 * Run as `node --import tsx engine/cli/test/cli-from-source.ts <args>`.
 */
import { run } from '../main';

process.exitCode = run(process.argv.slice(2));
