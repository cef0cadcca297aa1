/**
 * The renderer's one service client. In the desktop app it calls the preload bridge
 * (`window.offerflow`); in a browser it POSTs to the local host with the per-launch token
 * taken from the page URL (`?token=`) and kept in sessionStorage so reloads keep working.
 * Also the file helpers (native dialogs or browser pickers/downloads) and menu commands.
 */
import type { ExportOutcome, ExportRequest, ImportOutcome, ImportRequest, MenuCommand, OfferflowBridge } from '@service/bridge';
import type { ArgsOf, Channel, Result, ResultOf, ServiceClient } from '@service/contract';
import { isReadChannel, useConnection } from './connection';
import { readPickedFile } from './read-file';

declare global {
  interface Window {
    offerflow?: OfferflowBridge;
  }
}

const TOKEN_KEY = 'offerflow.token';

/** Reads the token from the URL once, stores it, and removes it from the address bar. */
export function takeToken(loc: Location = window.location, store: Storage = window.sessionStorage): string | null {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    store.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    // Keep the token out of the history and of screenshots; sessionStorage survives reloads.
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return store.getItem(TOKEN_KEY);
}

export interface HttpOptions {
  /**
   * How long a read call keeps retrying while the host does not answer (a restart), in ms;
   * 0 answers at once with "did not answer". Writes are never retried.
   */
  reconnectMs?: number;
  /** Waits between retries (tests pass an instant one). */
  wait?: (ms: number) => Promise<void>;
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The HTTP transport: `POST /api/<channel>` with the token header. */
export function httpClient(token: string | null, base = '', opts: HttpOptions = {}): ServiceClient {
  const { reconnectMs = 0, wait = pause } = opts;
  const mark = (state: 'up' | 'lost' | 'refused', message?: string) => useConnection.getState().mark(state, message);
  return {
    async send<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Result<ResultOf<C>>> {
      const retry = reconnectMs > 0 && isReadChannel(channel);
      let waited = 0;
      let delay = 250;
      for (;;) {
        try {
          const res = await fetch(`${base}/api/${channel}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-offerflow-token': token ?? '' },
            body: JSON.stringify(args),
          });
          const body = (await res.json()) as Result<ResultOf<C>>;
          if (res.status === 401 && !body.ok) mark('refused', body.error.message);
          else mark('up');
          return body;
        } catch (e) {
          mark('lost');
          if (!retry || waited >= reconnectMs) {
            return { ok: false, error: { message: `the Offerflow host did not answer: ${e instanceof Error ? e.message : String(e)}` } };
          }
          await wait(delay);
          waited += delay;
          delay = Math.min(2000, Math.round(delay * 1.5));
        }
      }
    },
  };
}

/** The desktop transport: the preload bridge. */
export function bridgeClient(bridge: OfferflowBridge): ServiceClient {
  return {
    send: <C extends Channel>(channel: C, args: ArgsOf<C>) => bridge.send(channel, args) as Promise<Result<ResultOf<C>>>,
  };
}

function makeClient(): ServiceClient {
  if (typeof window === 'undefined') return httpClient(null);
  // A browser tab outlives a host restart: reads wait up to 10 minutes for it to come back.
  return window.offerflow ? bridgeClient(window.offerflow) : httpClient(takeToken(), '', { reconnectMs: 600_000 });
}

/** The client every component uses (through the app's ClientProvider). */
export const client: ServiceClient = makeClient();

const ACCEPT: Record<ImportRequest['kind'], string> = {
  program: '.json,application/json',
  events: '.json,.jsonl,.ndjson,.csv,application/json,text/csv',
  partners: '.csv,text/csv',
};

/** The browser's file picker; resolves with the picked file, or null when cancelled. */
function pickInBrowser(kind: ImportRequest['kind']): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[kind];
    input.onchange = () => resolve(input.files?.[0] ?? null);
    input.oncancel = () => resolve(null);
    input.click();
  });
}

/** The browser's import: the picked file's text goes to the host in the contract call. */
export async function importInBrowser(api: ServiceClient, request: ImportRequest, pick: (kind: ImportRequest['kind']) => Promise<Pick<File, 'name' | 'arrayBuffer'> | null> = pickInBrowser): Promise<Result<ImportOutcome | null>> {
  const file = await pick(request.kind);
  if (!file) return { ok: true, value: null };
  const read = await readPickedFile(file);
  if (!read.ok) return read;
  const text = read.value;
  const fileName = file.name;
  if (request.kind === 'program') {
    const r = await api.send('programs.import', { text, fileName });
    return r.ok ? { ok: true, value: { kind: 'program', fileName, value: r.value } } : r;
  }
  if (request.kind === 'events') {
    const r = await api.send('eventSets.import', { programId: request.programId, text, fileName });
    return r.ok ? { ok: true, value: { kind: 'events', fileName, value: r.value } } : r;
  }
  const r = await api.send('partners.importCsv', { programId: request.programId, text, fileName });
  return r.ok ? { ok: true, value: { kind: 'partners', fileName, value: r.value } } : r;
}

function browserSave(fileName: string, text: string): Promise<boolean> {
  const url = URL.createObjectURL(new Blob([text], { type: fileName.endsWith('.csv') ? 'text/csv' : 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return Promise.resolve(true);
}

async function exportInBrowser(request: ExportRequest): Promise<Result<ExportOutcome>> {
  const r =
    request.channel === 'programs.export'
      ? await client.send('programs.export', request.args)
      : request.channel === 'replay.ledgerCsv'
        ? await client.send('replay.ledgerCsv', request.args)
        : await client.send('payouts.invoiceCsv', request.args);
  if (!r.ok) return r;
  await browserSave(r.value.fileName, r.value.text);
  return { ok: true, value: { saved: true, fileName: r.value.fileName } };
}

/**
 * File commands: in the desktop app the main process shows the dialog, reads or writes the file
 * and makes the contract call; in a browser, a file picker or a download. Always a Result.
 */
export const files = {
  importFile: (request: ImportRequest): Promise<Result<ImportOutcome | null>> => (window.offerflow ? window.offerflow.importFile(request) : importInBrowser(client, request)),
  exportFile: (request: ExportRequest): Promise<Result<ExportOutcome>> => (window.offerflow ? window.offerflow.exportFile(request) : exportInBrowser(request)),
};

/** Native menu commands (desktop only; a no-op subscription in a browser). */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return window.offerflow ? window.offerflow.onMenu(listener) : () => undefined;
}

export type { MenuCommand, ImportOutcome, ImportRequest, ExportRequest, ExportOutcome };
