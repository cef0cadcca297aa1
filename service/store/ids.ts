/** Ids and timestamps the store hands out. */
import { randomBytes } from 'node:crypto';

/** A short random id with a readable prefix (`p_`, `es_`, `run_`…). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('base64url')}`;
}

/** Now as an ISO instant (the store's timestamps). */
export function nowIso(): string {
  return new Date().toISOString();
}
