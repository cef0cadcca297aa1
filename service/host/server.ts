/**
 * The local HTTP host: the built renderer and `POST /api/<channel>` (JSON body = arguments,
 * JSON response = the contract's `Result`), on 127.0.0.1 only, guarded by guard.ts.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../dispatch';
import { FILE_CHANNELS } from '../contract';
import { safeLog } from '../log';
import { SECURITY_HEADERS } from './csp';
import { checkHost, checkOrigin, checkToken, type Refusal } from './guard';
import { resolveStatic, sendFile } from './static-files';

/** Event-set imports of a million events are a few hundred MiB of JSON. */
export const DEFAULT_MAX_BODY = 256 * 1024 * 1024;
/**
 * Every other call's body (a trigger, a partner, a review of 10,000 ids) fits in far less: past
 * this a non-import call is refused at once, however its body arrives (chunked included).
 */
export const DEFAULT_MAX_CALL_BODY = 4 * 1024 * 1024;
const isFileChannel = (channel: string): boolean => (FILE_CHANNELS as ReadonlySet<string>).has(channel);
/** Bodies past this size are "big": only a few may be read at once (each may grow to the import limit). */
export const BIG_BODY = 1024 * 1024;
export const DEFAULT_MAX_BIG_BODIES = 2;

export interface HostOptions {
  dispatch: Dispatch;
  token: string;
  /** The built renderer (`dist/renderer`). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Body limit of a file import (`DEFAULT_MAX_BODY`). */
  maxBody?: number;
  /** Body limit of every other call (`DEFAULT_MAX_CALL_BODY`, never above `maxBody`). */
  maxCallBody?: number;
  /** Big bodies (past `BIG_BODY`) read at once; one more is refused with 503 until one ends. */
  maxBigBodies?: number;
}

export interface Host {
  server: http.Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function refuse(res: ServerResponse, r: NonNullable<Refusal>): void {
  sendJson(res, r.status, { ok: false, error: { message: r.message } });
}

class TooLarge extends Error {}
class TooManyBig extends Error {}

/** Counts the big bodies being read right now (one counter per host). */
interface BigSlots {
  take(): boolean;
  give(): void;
}

function bigSlots(max: number): BigSlots {
  let used = 0;
  return {
    take: () => (used < max ? (used++, true) : false),
    give: () => void (used = Math.max(0, used - 1)),
  };
}

/**
 * Reads the body up to `max` bytes, counting bytes as they arrive (a declared length or chunked,
 * alike): the moment it passes the limit the read stops with a clear 413, not a hang and not
 * after buffering the rest. A body growing past `BIG_BODY` needs one of the few big slots.
 */
function readBody(req: IncomingMessage, max: number, slots: BigSlots): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > max) return reject(new TooLarge());
    let holding = false;
    const release = (): void => {
      if (holding) slots.give();
      holding = false;
    };
    const stop = (e: Error): void => {
      req.pause();
      req.removeAllListeners('data');
      release();
      reject(e);
    };
    if (declared > BIG_BODY) {
      if (!slots.take()) return reject(new TooManyBig());
      holding = true;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) return stop(new TooLarge());
      if (size > BIG_BODY && !holding) {
        if (!slots.take()) return stop(new TooManyBig());
        holding = true;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      release();
      resolve(Buffer.concat(chunks));
    });
    // A client gone mid-upload frees its slot.
    req.on('close', release);
    req.on('error', (e) => {
      release();
      reject(e);
    });
  });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, opts: HostOptions, port: number, channel: string, slots: BigSlots): Promise<void> {
  const refusal = checkOrigin(req, port) ?? checkToken(req, opts.token);
  if (refusal) { refuse(res, refusal); return; }
  if (req.method !== 'POST') { refuse(res, { status: 405, message: 'API calls are POST requests' }); return; }
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) { refuse(res, { status: 415, message: 'API calls send application/json' }); return; }
  const fileMax = opts.maxBody ?? DEFAULT_MAX_BODY;
  const max = isFileChannel(channel) ? fileMax : Math.min(fileMax, opts.maxCallBody ?? DEFAULT_MAX_CALL_BODY);
  let body: Buffer;
  try {
    body = await readBody(req, max, slots);
  } catch (e) {
    if (e instanceof TooLarge || e instanceof TooManyBig) {
      // The rest of the body is never read: close the connection once the answer is out.
      res.setHeader('Connection', 'close');
      res.once('finish', () => req.destroy());
      if (e instanceof TooManyBig) { refuse(res, { status: 503, message: 'other large uploads are being received; try again when they are done' }); return; }
      const size = max >= 1024 * 1024 ? `${Math.round(max / 1024 / 1024)} MiB` : `${Math.round(max / 1024)} KiB`;
      refuse(res, { status: 413, message: `the request is larger than ${size}${isFileChannel(channel) ? '' : ` (only file imports may be larger)`}` });
      return;
    }
    // The client went away mid-upload: nobody to answer, nothing to log, nothing was called.
    if ((e as NodeJS.ErrnoException).code === 'ECONNRESET' || req.destroyed) return;
    throw e;
  }
  let args: unknown;
  try {
    args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    refuse(res, { status: 400, message: 'the request body is not JSON' });
    return;
  }
  // A client gone before the answer (closed tab, aborted fetch) cancels what the call was doing.
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  const result = await opts.dispatch(channel, args, gone.signal);
  if (!gone.signal.aborted) sendJson(res, 200, result);
}

function handle(req: IncomingMessage, res: ServerResponse, opts: HostOptions, port: number, slots: BigSlots): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  const hostRefusal = checkHost(req, port);
  if (hostRefusal) return refuse(res, hostRefusal);
  // A request target like `//` or `//@` is not a valid relative URL: refuse it, never throw
  // (an exception here would escape the server's callback and take the host down).
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  } catch {
    return refuse(res, { status: 400, message: 'bad path' });
  }
  if (url.pathname.startsWith('/api/')) {
    handleApi(req, res, opts, port, url.pathname.slice('/api/'.length), slots).catch((e: unknown) => {
      safeLog(e);
      if (!res.headersSent) refuse(res, { status: 500, message: 'internal error' });
    });
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, { status: 405, message: 'only GET and HEAD are served here' });
  const file = resolveStatic(opts.staticDir, url.pathname);
  if (!file) return refuse(res, { status: 400, message: 'bad path' });
  sendFile(res, file, req.method === 'HEAD');
}

/** Starts the host on 127.0.0.1 and resolves once it listens. */
export function startHost(opts: HostOptions): Promise<Host> {
  return new Promise((resolve, reject) => {
    let port = opts.port;
    const slots = bigSlots(opts.maxBigBodies ?? DEFAULT_MAX_BIG_BODIES);
    const server = http.createServer((req, res) => handle(req, res, opts, port, slots));
    server.on('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(opts.token)}`,
        // Idle keep-alive sockets (a browser, a test's API client) would hold close() open.
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), 2000).unref();
          }),
      });
    });
  });
}
