/**
 * The local HTTP host: the built renderer and `POST /api/<channel>` (JSON body = arguments,
 * JSON response = the contract's `Result`), on 127.0.0.1 only, guarded by guard.ts.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../dispatch';
import { safeLog } from '../log';
import { SECURITY_HEADERS } from './csp';
import { checkHost, checkOrigin, checkToken, type Refusal } from './guard';
import { resolveStatic, sendFile } from './static-files';

/** Event-set imports of a million events are a few hundred MiB of JSON. */
export const DEFAULT_MAX_BODY = 256 * 1024 * 1024;

export interface HostOptions {
  dispatch: Dispatch;
  token: string;
  /** The built renderer (`dist/renderer`). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  maxBody?: number;
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

/** Reads the body up to `max` bytes; a longer body stops at the limit (a clear 413, not a hang). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > max) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.pause();
        reject(new TooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, opts: HostOptions, port: number, channel: string): Promise<void> {
  const refusal = checkOrigin(req, port) ?? checkToken(req, opts.token);
  if (refusal) return refuse(res, refusal);
  if (req.method !== 'POST') return refuse(res, { status: 405, message: 'API calls are POST requests' });
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return refuse(res, { status: 415, message: 'API calls send application/json' });
  const max = opts.maxBody ?? DEFAULT_MAX_BODY;
  let body: Buffer;
  try {
    body = await readBody(req, max);
  } catch (e) {
    if (e instanceof TooLarge) {
      res.setHeader('Connection', 'close');
      return refuse(res, { status: 413, message: `the request is larger than ${Math.round(max / 1024 / 1024)} MiB` });
    }
    throw e;
  }
  let args: unknown;
  try {
    args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(res, { status: 400, message: 'the request body is not JSON' });
  }
  sendJson(res, 200, await opts.dispatch(channel, args));
}

function handle(req: IncomingMessage, res: ServerResponse, opts: HostOptions, port: number): void {
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
    handleApi(req, res, opts, port, url.pathname.slice('/api/'.length)).catch((e: unknown) => {
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
    const server = http.createServer((req, res) => handle(req, res, opts, port));
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
