/**
 * The app's PartnerStack / Stripe import (IMPORTS.md, issue 18), in three steps so the person
 * sees the mapping report before anything is stored: `imports.addFile` keeps the picked files in
 * a draft (one call per file, so each file is one bounded body on the file channels),
 * `imports.preview` runs the same importer as `offerflow import` and keeps its output with the
 * draft, `imports.commit` stores exactly that output. Drafts live in memory only: closing the
 * dialog (`imports.discard`) or restarting the app leaves nothing behind.
 */
import { InputError } from '../../engine/formats/issues';
import type { ImportFile } from '../../engine/imports/input';
import { importPartnerStack } from '../../engine/imports/partnerstack';
import { summaryLine, type ImportReport } from '../../engine/imports/report';
import { importStripe } from '../../engine/imports/stripe';
import type { Handlers } from '../contract';
import type { ImportDraftFile, ImportPreview, ImportSource } from '../contract-imports';
import { Failure, failureFromIssues } from '../failure';
import { MAX_IMPORT_CHARS, TOO_LARGE_MESSAGE } from '../limits';
import { importEventSetJob } from '../replay/jobs';
import { deleteProgram, listPrograms, newId } from '../store';
import { requireProgram, type ServiceContext } from './context';
import { importProgram } from './programs';

/** Drafts kept at once; the oldest is forgotten past this (a dialog left open elsewhere). */
const MAX_DRAFTS = 4;

type Role = ImportDraftFile['role'];

interface Mapped {
  source: ImportSource;
  report: ImportReport;
  eventsText: string;
  eventCount: number;
  programText: string | null;
}

interface Draft {
  files: (ImportFile & { role: Role })[];
  mapped: Mapped | null;
}

const SET_NAMES: Record<ImportSource, string> = { partnerstack: 'Imported from PartnerStack', stripe: 'Imported from Stripe' };
const LABELS: Record<ImportSource, string> = { partnerstack: 'PartnerStack export', stripe: 'Stripe export' };

function listed(d: Draft): ImportDraftFile[] {
  return d.files.map((f) => ({ name: f.name, role: f.role, chars: f.text.length }));
}

/** Runs the importer the CLI runs; an `InputError` becomes a Failure naming the file and path. */
function mapDraft(d: Draft, args: { source: ImportSource; transactions: 'charges' | 'invoices'; includeTest: boolean }): Mapped {
  const sources = d.files.filter((f) => f.role === 'source');
  const partners = d.files.filter((f) => f.role === 'partners');
  if (sources.length === 0) throw new Failure(`choose the files of the ${LABELS[args.source]} first`, 'files');
  if (args.source === 'partnerstack' && partners.length > 0) throw new Failure('partner files are read by a Stripe import only', 'files');
  try {
    if (args.source === 'partnerstack') {
      const r = importPartnerStack(sources, { includeTest: args.includeTest });
      return { source: 'partnerstack', report: r.report, eventsText: r.eventsText, eventCount: r.events.length, programText: r.programText };
    }
    const r = importStripe(sources, { includeTest: args.includeTest, transactions: args.transactions, ...(partners.length > 0 ? { partnersFrom: partners } : {}) });
    return { source: 'stripe', report: r.report, eventsText: r.eventsText, eventCount: r.events.length, programText: null };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const what = partners.some((f) => f.name === e.file) ? 'PartnerStack export (partners)' : LABELS[args.source];
    throw failureFromIssues(`${e.file} is not a valid ${what}`, e.issues.map((i) => ({ path: i.path, message: i.message })));
  }
}

function skeletonCounts(programText: string | null): ImportPreview['skeleton'] {
  if (programText === null) return null;
  const p = JSON.parse(programText) as { name: string; groups: unknown[]; tiers: unknown[]; tags: unknown[]; partners: unknown[] };
  return { name: p.name, groups: p.groups.length, tiers: p.tiers.length, tags: p.tags.length, partners: p.partners.length };
}

type ImportChannels = 'imports.addFile' | 'imports.preview' | 'imports.commit' | 'imports.discard';

export function importHandlers(ctx: ServiceContext): Pick<Handlers, ImportChannels> {
  const drafts = new Map<string, Draft>();
  const draftOf = (draftId: string): Draft => {
    const d = drafts.get(draftId);
    if (!d) throw new Failure(`import "${draftId}" is not open any more (it was stored, closed, or the app restarted): choose the files again`, 'draftId');
    return d;
  };
  return {
    'imports.addFile': ({ draftId, role, fileName, text }) => {
      const id = draftId ?? newId('imd');
      const d = draftId === undefined ? { files: [], mapped: null } : draftOf(draftId);
      const others = d.files.filter((f) => !(f.name === fileName && f.role === role));
      if (others.reduce((n, f) => n + f.text.length, text.length) > MAX_IMPORT_CHARS) throw new Failure(`${fileName}: the files of one import together ${TOO_LARGE_MESSAGE}`, 'text');
      d.files = [...others, { name: fileName, text, role }];
      d.mapped = null;
      drafts.delete(id);
      drafts.set(id, d);
      for (const old of [...drafts.keys()].slice(0, Math.max(0, drafts.size - MAX_DRAFTS))) drafts.delete(old);
      return { draftId: id, files: listed(d) };
    },
    'imports.preview': ({ draftId, source, transactions, includeTest }) => {
      const d = draftOf(draftId);
      d.mapped = null;
      const m = mapDraft(d, { source, transactions, includeTest });
      d.mapped = m;
      return { draftId, source, files: listed(d), report: m.report, summary: summaryLine(m.report), setName: SET_NAMES[source], eventCount: m.eventCount, skeleton: skeletonCounts(m.programText) };
    },
    'imports.commit': ({ draftId, programId, createProgram }) => {
      const d = draftOf(draftId);
      requireProgram(ctx, programId);
      const m = d.mapped;
      if (!m) throw new Failure('preview the import first: nothing is stored before its report has been shown', 'draftId');
      if (createProgram && m.programText === null) throw new Failure('only a PartnerStack export gives a program skeleton', 'createProgram');
      const created = createProgram && m.programText !== null ? importProgram(ctx, m.programText, 'partnerstack-import.program.json') : null;
      const answer = importEventSetJob(ctx.db, { eventSetId: newId('es'), programId, fileName: `${m.source}-import.events.json`, text: m.eventsText, now: ctx.now() });
      if (answer.type !== 'imported') {
        // Never half-written: the skeleton made for this set goes with it.
        if (created !== null) deleteProgram(ctx.db, created);
        throw new Failure(answer.type === 'invalid' ? `the imported events were refused: ${answer.issues[0]?.path ?? ''} ${answer.issues[0]?.message ?? ''}` : 'the import was stopped; nothing was stored');
      }
      drafts.delete(draftId);
      return { eventSet: answer.summary, program: created === null ? null : (listPrograms(ctx.db).find((p) => p.id === created) ?? null) };
    },
    'imports.discard': ({ draftId }) => ({ discarded: drafts.delete(draftId) }),
  };
}
