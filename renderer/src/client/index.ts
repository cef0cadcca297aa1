/**
 * The renderer's one service client. In the desktop app it calls the preload bridge
 * (`window.offerflow`); in a browser it POSTs to the local host with the per-launch token
 * taken from the page URL (`?token=`) and kept in sessionStorage so reloads keep working.
 * Also the file helpers (native dialogs or browser pickers/downloads) and menu commands.
 */
import { exportThrough, importThrough, type ExportOutcome, type ExportRequest, type ImportOutcome, type ImportRequest, type MenuCommand, type OfferflowBridge } from '@service/bridge';
import { contractClient, type Result, type ServiceClient, type Transport } from '@service/contract';
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

/**
 * Whether answers are checked against the contract's result schemas (`checkResult`): in the Vite
 * dev server and in tests (vitest sets `DEV`), never in the production build, where parsing every
 * answer would cost time on the big ones (ledger pages, traces, event pages) for a bug the tests
 * catch. A mismatch rejects the call with an error naming the channel and the JSON path.
 */
export const CHECK_RESULTS: boolean = import.meta.env.DEV;

export interface HttpOptions {
  /**
   * How long a read call keeps retrying while the host does not answer (a restart), in ms;
   * 0 answers at once with "did not answer". Writes are never retried.
   */
  reconnectMs?: number;
  /** Waits between retries (tests pass an instant one). */
  wait?: (ms: number) => Promise<void>;
  /** Check answers against the contract (default `CHECK_RESULTS`). */
  checkResults?: boolean;
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** True for the host's `{ ok: false, error: { message } }` refusal. */
function refusal(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : null;
}

/** The HTTP transport: `POST /api/<channel>` with the token header; the answer's JSON, unread. */
export function httpTransport(token: string | null, base = '', opts: Omit<HttpOptions, 'checkResults'> = {}): Transport {
  const { reconnectMs = 0, wait = pause } = opts;
  const mark = (state: 'up' | 'lost' | 'refused', message?: string) => useConnection.getState().mark(state, message);
  return async (channel, args) => {
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
        const body: unknown = await res.json();
        const refused = res.status === 401 ? refusal(body) : null;
        if (refused !== null) mark('refused', refused);
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
  };
}

/** The browser's client: the HTTP transport, typed by the contract. */
export function httpClient(token: string | null, base = '', opts: HttpOptions = {}): ServiceClient {
  const { checkResults = CHECK_RESULTS, ...transport } = opts;
  return contractClient(httpTransport(token, base, transport), { checkResults });
}

/** The desktop client: the preload bridge, typed by the contract. */
export function bridgeClient(bridge: OfferflowBridge, checkResults = CHECK_RESULTS): ServiceClient {
  return contractClient((channel, args) => bridge.send(channel, args), { checkResults });
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
  return importThrough(api, request, file.name, read.value);
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
  const r = await exportThrough(client, request);
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
