/**
 * The layer check (`npm run lint:deps`, in `npm test`) fails when a layer reaches where it may
 * not: each probe is a small tree in a temporary folder, checked with the project's own
 * .dependency-cruiser.cjs and tsconfig.json (for the `@engine/*` aliases). The repository's own
 * tree passing is `npm run lint:deps` itself.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-boundaries-'));
fs.copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const files: Record<string, string> = {
  // Stand-ins for the real packages, so resolved paths read node_modules/<name>/ as in the repo.
  'node_modules/better-sqlite3/package.json': '{ "name": "better-sqlite3", "main": "index.js" }\n',
  'node_modules/better-sqlite3/index.js': 'module.exports = {};\n',
  'node_modules/react/package.json': '{ "name": "react", "main": "index.js" }\n',
  'node_modules/react/index.js': 'module.exports = {};\n',
  'engine/money.ts': 'export const minor = 1;\n',
  'engine/uses-sqlite.ts': "import Database from 'better-sqlite3';\nexport const db = Database;\n",
  'engine/uses-fs.ts': "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n",
  'engine/uses-service.ts': "import type { Db } from '../service/store';\nexport type T = Db;\n",
  'engine/uses-cli.ts': "import { run } from '../cli/main';\nexport const r = run;\n",
  'cli/main.ts': "import { minor } from '../engine/money';\nexport const run = () => minor;\n",
  'cli/uses-store.ts': "import { openDb } from '../service/store';\nexport const o = openDb;\n",
  'service/store.ts': "import { minor } from '@engine/money';\nexport type Db = number;\nexport const openDb = () => minor;\n",
  'service/contract.ts': 'export type Channel = string;\n',
  'service/uses-react.ts': "import { useState } from 'react';\nexport const u = useState;\n",
  'renderer/view.ts': "import { minor } from '@engine/money';\nimport type { Channel } from '@service/contract';\nexport const v: Channel = String(minor);\n",
  'renderer/uses-store.ts': "import { openDb } from '@service/store';\nexport const o = openDb;\n",
  'renderer/uses-node.ts': "import path from 'node:path';\nexport const j = path.join;\n",
  'renderer/uses-sqlite.ts': "import Database from 'better-sqlite3';\nexport const db = Database;\n",
  'renderer/typo.ts': "import { nothing } from '@engine/no-such-module';\nexport const n = nothing;\n",
};
for (const [name, text] of Object.entries(files)) {
  fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
}

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** The violations the project's rules find in the probe tree, as "from rule". */
function violations(): string[] {
  let out: string;
  try {
    out = execFileSync(DEPCRUISE, ['engine', 'cli', 'service', 'renderer', '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // Exit code 2 and up is the number of errors; the JSON report is on stdout all the same.
    out = (e as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as { summary: { violations: Violation[] } };
  return report.summary.violations.map((v) => `${v.from} ${v.rule.name}`).sort();
}

describe('layer boundaries (dependency-cruiser)', () => {
  const found = violations();

  const expected = [
    ['engine/uses-sqlite.ts', 'engine-is-pure'],
    ['engine/uses-fs.ts', 'engine-is-pure'],
    ['engine/uses-service.ts', 'engine-imports-no-app-layer'],
    ['engine/uses-cli.ts', 'engine-imports-no-app-layer'],
    // A value import of cli/ is also outside the engine's allowed packages.
    ['engine/uses-cli.ts', 'engine-is-pure'],
    ['cli/uses-store.ts', 'cli-is-an-engine-adapter'],
    ['service/uses-react.ts', 'service-below-shells'],
    ['renderer/uses-store.ts', 'renderer-sees-contract-and-engine-only'],
    ['renderer/uses-node.ts', 'renderer-has-no-node'],
    ['renderer/uses-sqlite.ts', 'renderer-has-no-native'],
    ['renderer/typo.ts', 'resolvable'],
  ] as const;

  it.each(expected)('%s breaks %s', (file, rule) => {
    expect(found).toContain(`${file} ${rule}`);
  });

  it('finds nothing else: the allowed imports (aliases included) pass', () => {
    expect(found).toEqual(expected.map(([file, rule]) => `${file} ${rule}`).sort());
  });
});
