/**
 * Who may talk to the host. It listens on 127.0.0.1 only; on top of that:
 * - Host must be 127.0.0.1:<port> or localhost:<port>: a rebound DNS name pointing at
 *   127.0.0.1 carries its own name in Host, so DNS rebinding fails;
 * - Origin must be absent or our own: another site's page (CSRF) is refused;
 * - every API call carries the per-launch token (other local users and pages cannot know it).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-offerflow-token';

export type Refusal = { status: number; message: string } | null;

function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function checkHost(req: IncomingMessage, port: number): Refusal {
  const host = (req.headers.host ?? '').toLowerCase();
  return allowedHosts(port).has(host) ? null : { status: 421, message: `host "${host}" is not served here` };
}

export function checkOrigin(req: IncomingMessage, port: number): Refusal {
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  const ok = [...allowedHosts(port)].some((h) => origin.toLowerCase() === `http://${h}`);
  return ok ? null : { status: 403, message: `origin "${origin}" may not call this host` };
}

export function checkToken(req: IncomingMessage, token: string): Refusal {
  const given = req.headers[TOKEN_HEADER];
  const a = Buffer.from(typeof given === 'string' ? given : '');
  const b = Buffer.from(token);
  const ok = a.length === b.length && timingSafeEqual(a, b);
  return ok ? null : { status: 401, message: 'missing or wrong token: open the URL the host printed' };
}
