#!/usr/bin/env node
// The `offerflow` command: loads the TypeScript CLI through tsx (no build step to go stale).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../engine/cli/main.ts');
process.exitCode = run(process.argv.slice(2));
