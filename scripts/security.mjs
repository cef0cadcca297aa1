#!/usr/bin/env node
/**
 * `npm run security`: Electronegativity over the Electron sources (`electron/`) and, when built,
 * the bundles the app ships (`dist/electron/*.cjs`, copied as .js because the scanner skips
 * .cjs). Every HIGH or MEDIUM finding must be explained in scripts/security-allowlist.json (one
 * reason per finding), or the script fails. Runs offline: the check that downloads Electron's
 * release list is skipped (Electron's version is pinned in package.json and updated on purpose);
 * the scanner's attempt to fetch translations fails quietly and falls back to English.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const allowlist = JSON.parse(fs.readFileSync(path.join(root, 'scripts/security-allowlist.json'), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'offerflow-security-'));

/** Runs the scanner on `input`; resolves with the CSV rows it wrote. */
function scan(name, input) {
  const out = path.join(tmp, `${name}.csv`);
  const args = [bin, '-i', input, '-e', electronVersion, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out];
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
    let stderr = '';
    p.stderr.on('data', (c) => (stderr += c));
    p.on('error', reject);
    p.on('exit', (code) => {
      if (code !== 0 || !fs.existsSync(out)) return reject(new Error(`electronegativity failed on ${input} (exit ${code}): ${stderr}`));
      const rows = fs.readFileSync(out, 'utf8').trim().split('\n').slice(1).filter(Boolean);
      resolve(rows.map((line) => {
        const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
        return { target: name, check: cells[0], severity: cells[1], confidence: cells[2], file: cells[3], location: cells[4], description: cells[6] };
      }));
    });
  });
}

// `node scripts/security.mjs <dir>` scans another folder instead (to see the gate fail on a bad example).
const only = process.argv[2];
const targets = only ? [['other', path.resolve(only)]] : [['source', path.join(root, 'electron')]];
const built = path.join(root, 'dist/electron');
if (!only && fs.existsSync(path.join(built, 'main.cjs'))) {
  const copy = path.join(tmp, 'bundle');
  fs.mkdirSync(copy);
  for (const f of fs.readdirSync(built).filter((n) => n.endsWith('.cjs'))) fs.copyFileSync(path.join(built, f), path.join(copy, f.replace(/\.cjs$/, '.js')));
  targets.push(['bundle', copy]);
}

try {
  const findings = (await Promise.all(targets.map(([n, i]) => scan(n, i)))).flat();
  // An entry with `files` explains that check only in those files: the same call anywhere else fails.
  const explained = (f) => allowlist.find((a) => a.check === f.check && a.target === f.target && a.severity === f.severity && (!a.files || a.files.includes(f.file)));
  let unexplained = 0;
  for (const f of findings) {
    const why = explained(f);
    const serious = f.severity === 'HIGH' || f.severity === 'MEDIUM';
    if (serious && !why) unexplained++;
    const tag = why ? 'explained' : serious ? 'UNEXPLAINED' : 'note';
    console.log(`${tag.padEnd(11)} ${f.severity.padEnd(13)} ${f.check} (${f.target}: ${f.file} ${f.location}) ${f.description}${why ? `\n            why: ${why.reason}` : ''}`);
  }
  const count = (s) => findings.filter((f) => f.severity === s).length;
  console.log(`electronegativity ${electronVersion === undefined ? '' : `(Electron ${electronVersion}) `}on ${targets.map((t) => t[0]).join(' + ')}: ${findings.length} finding(s): high ${count('HIGH')}, medium ${count('MEDIUM')}, low ${count('LOW')}, informational ${count('INFORMATIONAL')}; ${unexplained} high/medium unexplained`);
  process.exitCode = unexplained > 0 ? 1 : 0;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
