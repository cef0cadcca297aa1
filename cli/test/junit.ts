/**
 * JUnit XML for CI systems (GitHub, GitLab, Jenkins): one `<testsuite>` per program, one
 * `<testcase>` per event set, `<failure>` with the diff for failed expectations and `<error>`
 * for invalid input. Written to satisfy both common schemas: Jenkins' junit-10.xsd and the
 * stricter Apache-Ant one (no attributes on `<testsuites>`, every `<testsuite>` with `id`,
 * `package`, `timestamp` without zone, `hostname`, `<properties>`, `<system-out>`, `<system-err>`).
 */
import { hostname } from 'node:os';
import { detailLines, setCounts, shownPath, type SuiteResult, type TestRun } from './results';

/** XML 1.0 forbids these characters even escaped; a user's file could carry them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an attribute or element body. */
export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** Element text keeps its newlines readable (only attributes need them as references). */
function bodyEscape(text: string): string {
  return xmlEscape(text).replace(/&#10;/g, '\n');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function attrs(pairs: Record<string, string | number>): string {
  return Object.entries(pairs)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}

function suiteXml(s: SuiteResult, id: number, timestamp: string, host: string): string {
  const failures = s.sets.filter((r) => r.status === 'failed').length;
  const errors = s.sets.filter((r) => r.status === 'invalid').length + s.issues.length;
  const program = shownPath(s.program);
  const lines: string[] = [];
  const open = attrs({ name: s.name ? `${s.name} (${program})` : program, tests: s.sets.length + s.issues.length, failures, errors, time: seconds(s.ms), timestamp, hostname: host, id, package: program });
  lines.push(`  <testsuite${open}>`);
  lines.push(`    <properties>`, `      <property${attrs({ name: 'program', value: program })}/>`, `    </properties>`);
  for (const issue of s.issues) {
    lines.push(`    <testcase${attrs({ name: 'program and paths', classname: program, time: '0.000' })}>`);
    lines.push(`      <error${attrs({ message: issue, type: 'invalid input' })}>${bodyEscape(issue)}</error>`, '    </testcase>');
  }
  for (const r of s.sets) {
    const head = `    <testcase${attrs({ name: shownPath(r.file), classname: program, time: seconds(r.ms) })}`;
    if (r.status === 'passed') {
      lines.push(`${head}/>`);
      continue;
    }
    const tag = r.status === 'failed' ? 'failure' : 'error';
    // CI shows the message as the headline: the trace's reason says most, then the diff's first line.
    const message = r.status === 'failed' ? (r.reason ?? r.diff[0] ?? setCounts(r)) : (r.issues[0] ?? 'invalid input');
    lines.push(`${head}>`, `      <${tag}${attrs({ message, type: r.status === 'failed' ? 'expectations' : 'invalid input' })}>${bodyEscape(detailLines(r).join('\n'))}</${tag}>`, '    </testcase>');
  }
  lines.push('    <system-out/>', '    <system-err/>', '  </testsuite>');
  return lines.join('\n');
}

/** The whole report; the counts of its `<testsuite>`s add up to `countsOf(run)`. */
export function renderJunit(run: TestRun): string {
  // Ant's schema wants a local date-time with no zone: the UTC one, stated here.
  const timestamp = run.started.toISOString().slice(0, 19);
  const host = hostname() || 'localhost';
  const suites = run.suites.map((s, i) => suiteXml(s, i, timestamp, host));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`;
}
