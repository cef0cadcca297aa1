#!/usr/bin/env node
// The `offerflow` command: the CLI compiled by `npm run build` (dist/node/cli.mjs), plain
// JavaScript, no TypeScript loader at run time.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/node/cli.mjs', import.meta.url);
if (!fs.existsSync(fileURLToPath(cli))) {
  process.stderr.write('offerflow: the CLI is not built yet: run `npm run build` first\n');
  process.exit(1);
}
const { run } = await import(cli.href);
process.exitCode = run(process.argv.slice(2));
