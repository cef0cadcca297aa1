/**
 * The CLI's inputs and outputs against hostile files (issue 12, items 5, 6 and 8): sizes are
 * counted on the bytes read for every kind of file, a named pipe with no writer is refused
 * instead of hanging, and `--out` never follows a planted symlink nor leaves a temporary file.
 * Cases that hung or grew memory without bound before run in a child process, so a regression
 * fails (the child is killed) instead of hanging the suite.
 */
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../engine/formats/issues';
import { readInput, writeAtomic } from './files';
import { run, type Io } from './main';

const ROOT = join(import.meta.dirname, '..');
/** The CLI from source through tsx's loader (the compiled bin needs `npm run build` first). */
const CLI = `${process.execPath} --import ${pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href} ${join(ROOT, 'cli/source-entry.ts')}`;
const PROGRAM = join(ROOT, 'resources/samples/spec-examples/seed-order-recommended.program.json');
const EVENTS = join(ROOT, 'resources/samples/spec-examples/seed-order-recommended.events.json');
const dir = mkdtempSync(join(tmpdir(), 'offerflow-files-'));
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

/** Runs a shell line with `$OFFERFLOW` bound to the CLI; the timeout only stops a hung child. */
function sh(line: string): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync('sh', ['-c', line], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, OFFERFLOW: CLI }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  throw new Error('not refused');
}

describe('CLI input limits count the bytes read, for every kind of file', () => {
  it('refuses /dev/zero at the 256 MB cap with exit 2 naming it (it grew memory without bound)', () => {
    const r = sh('$OFFERFLOW validate /dev/zero');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('offerflow: /dev/zero: has more than 256 MB');
  });

  it('refuses a pipe carrying more than 256 MB, which passed when only the file size was checked', () => {
    const r = sh('head -c 268435457 /dev/zero | $OFFERFLOW validate /dev/stdin');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('offerflow: /dev/stdin: has more than 256 MB');
  });

  it('reads a program through a pipe and a process substitution-like FIFO with its writer attached', () => {
    expect(sh(`cat ${PROGRAM} | $OFFERFLOW validate /dev/stdin`).status).toBe(0);
    const r = sh(`mkfifo fed.fifo && (cat ${PROGRAM} > fed.fifo &) && $OFFERFLOW validate fed.fifo`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('refuses a named pipe that nothing writes to, with exit 2, instead of hanging', () => {
    const r = sh('mkfifo lonely.fifo && $OFFERFLOW validate lonely.fifo');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('lonely.fifo: is a pipe and nothing was written to it');
  });

  it('refuses a regular file over the cap from its size, before reading it', () => {
    const big = join(dir, 'sparse.events.json');
    writeFileSync(big, '');
    truncateSync(big, 300 * 1024 * 1024); // sparse: no 300 MB written
    expect(refusal(() => readInput(big))).toContain('is 300 MB; offerflow reads files up to 256 MB');
  });

  it('counts as it reads whatever the kind: a character device, a regular file at and past the limit', () => {
    expect(refusal(() => readInput('/dev/zero', 100_000))).toContain('/dev/zero: has more than');
    expect(readInput('/dev/null').length).toBe(0);
    const f = join(dir, 'exact.txt');
    writeFileSync(f, 'x'.repeat(1000));
    expect(readInput(f, 1000).length).toBe(1000);
    expect(refusal(() => readInput(f, 999))).toContain('exact.txt: is 0 MB');
    expect(refusal(() => readInput(join(dir, 'none.json')))).toContain('none.json: no such file');
    expect(refusal(() => readInput(dir))).toContain(': is a directory');
  });
});

describe('fuzzing the kinds of input file', () => {
  it('every kind of file is read within the limit or refused naming it, never hanging', () => {
    const kinds = ['regular', 'big-regular', 'empty', 'fifo-no-writer', 'fifo-writer', '/dev/null', '/dev/zero', '/dev/urandom', 'directory', 'symlink-to-directory', 'dangling-symlink', 'missing'] as const;
    const counts: Record<string, number> = {};
    let n = 0;
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.integer({ min: 1, max: 200_000 }), (kind, limit) => {
        const base = join(dir, `kind-${n++}`);
        let path = base;
        let writer: ReturnType<typeof spawn> | null = null;
        if (kind === 'regular' || kind === 'big-regular') writeFileSync(base, 'y'.repeat(kind === 'regular' ? Math.min(limit, 5000) : limit + 1));
        else if (kind === 'empty') writeFileSync(base, '');
        else if (kind.startsWith('fifo')) {
          expect(spawnSync('mkfifo', [base]).status).toBe(0);
          if (kind === 'fifo-writer') writer = spawn('sh', ['-c', `printf 'from the writer' > ${base}`]);
        } else if (kind.startsWith('/dev/')) path = kind;
        else if (kind === 'directory') mkdirSync(base);
        else if (kind === 'symlink-to-directory') symlinkSync(dir, base);
        else if (kind === 'dangling-symlink') symlinkSync(join(dir, 'nowhere'), base);
        let outcome: string;
        try {
          const bytes = readInput(path, limit);
          expect(bytes.length).toBeLessThanOrEqual(limit);
          outcome = 'read';
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(e.file).toBe(path);
          expect(e.issues[0]?.message.length).toBeGreaterThan(0);
          outcome = 'refused';
        }
        writer?.kill();
        // What each kind must give (a FIFO's writer attaches within the grace period).
        const expected: Record<(typeof kinds)[number], string> = { regular: 'read', 'big-regular': 'refused', empty: 'read', 'fifo-no-writer': 'refused', 'fifo-writer': 'read', '/dev/null': 'read', '/dev/zero': 'refused', '/dev/urandom': 'refused', directory: 'refused', 'symlink-to-directory': 'refused', 'dangling-symlink': 'refused', missing: 'refused' };
        const want = kind === 'fifo-writer' && limit < 'from the writer'.length ? 'refused' : expected[kind];
        expect(`${kind} (limit ${limit}): ${outcome}`).toBe(`${kind} (limit ${limit}): ${want}`);
        counts[kind] = (counts[kind] ?? 0) + 1;
      }),
      { numRuns: Math.min(RUNS, 40), seed: 9 },
    );
    console.log(`non-regular file cases: ${JSON.stringify(counts)}`);
  });
});

describe('--out is written through an exclusive temporary file', () => {
  const quiet: Io = { out: () => undefined, err: () => undefined, readFile: (p) => readInput(p) };

  it('never follows a symlink planted at the temporary name, and replaces the target itself', () => {
    const folder = mkdtempSync(join(tmpdir(), 'offerflow-plant-'));
    const victim = join(folder, 'victim.txt');
    writeFileSync(victim, 'precious');
    const out = join(folder, 'report.json');
    // The names the writer used before (`<out>.tmp-<pid>`), and the target itself, point at the victim.
    symlinkSync(victim, `${out}.tmp-${process.pid}`);
    symlinkSync(victim, out);
    expect(run(['replay', PROGRAM, EVENTS, '--out', out], quiet)).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(out).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('offerflow.report/1');
    expect(readdirSync(folder).sort()).toEqual(['report.json', `report.json.tmp-${process.pid}`, 'victim.txt']);
  });

  it('leaves no temporary file and the old file as it was when producing the content fails, and does not blame the file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'offerflow-fail-'));
    const out = join(folder, 'report.json');
    writeFileSync(out, 'old report');
    const boom = new RangeError('Invalid string length');
    let thrown: unknown;
    try {
      writeAtomic(out, (write) => {
        write('half a report');
        throw boom;
      });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe(boom);
    expect(readdirSync(folder)).toEqual(['report.json']);
    expect(readFileSync(out, 'utf8')).toBe('old report');
  });

  it('creates the temporary file in the target folder with a random name', () => {
    const folder = mkdtempSync(join(tmpdir(), 'offerflow-names-'));
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) writeAtomic(join(folder, 'r.json'), () => seen.push(...readdirSync(folder).filter((f) => f.includes('.tmp-'))));
    expect(new Set(seen).size).toBe(3);
    for (const name of seen) expect(name).toMatch(/^r\.json\.tmp-[0-9a-f]{16}$/);
    expect(readdirSync(folder)).toEqual(['r.json']);
  });
});
