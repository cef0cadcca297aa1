/**
 * Menu › "Open in Browser": the desktop app also serves itself to a browser on this machine, for
 * customer-success demos. The local host (service/host/server.ts) answers with this app's own
 * service (same data, same runs), on 127.0.0.1 only, with the demo token kept in the data folder
 * (0600, service/host/demo-token.ts): the URL is the same at every launch, as with
 * `npm run serve -- --demo`, so a tab left open reconnects. Started on first use, then reused.
 */
import type { Dispatch } from '../service/dispatch';
import { demoToken } from '../service/host/demo-token';
import { startHost, type Host, type HostOptions } from '../service/host/server';

/** The port `npm run serve` uses; taken when free so the demo URL is the one people know. */
export const DEMO_PORT = 5178;

export interface BrowserDemoDeps {
  dataDir: string;
  /** The built renderer the host serves. */
  staticDir: string;
  dispatch: Dispatch;
  /** Opens the URL in the person's browser (Electron's `shell.openExternal`). */
  openExternal: (url: string) => Promise<void>;
  /** For tests: the port to try first. */
  port?: number;
  start?: (opts: HostOptions) => Promise<Host>;
}

export interface BrowserDemo {
  /** Starts the host when needed and opens its URL; returns the URL. */
  open(): Promise<string>;
  close(): Promise<void>;
}

/** Whether `url` is the local host's: plain http on 127.0.0.1, a port, the root path. */
export function isOwnHostUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' && u.hostname === '127.0.0.1' && u.port !== '' && u.pathname === '/' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export function browserDemo(deps: BrowserDemoDeps): BrowserDemo {
  const start = deps.start ?? startHost;
  let host: Promise<Host> | null = null;
  const launch = async (): Promise<Host> => {
    const { token } = demoToken(deps.dataDir);
    const opts = { dispatch: deps.dispatch, token, staticDir: deps.staticDir };
    try {
      return await start({ ...opts, port: deps.port ?? DEMO_PORT });
    } catch (e) {
      // Taken (an `npm run serve` is up): any free port; the token, and so the tab's, stays the same.
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      return start({ ...opts, port: 0 });
    }
  };
  return {
    async open() {
      host ??= launch();
      let h: Host;
      try {
        h = await host;
      } catch (e) {
        host = null;
        throw e;
      }
      // shell.openExternal hands a URL to the system: only ever our own host on this machine.
      if (!isOwnHostUrl(h.url)) throw new Error(`refusing to open ${h.url}: Open in Browser only opens the app's own host on 127.0.0.1`);
      await deps.openExternal(h.url);
      return h.url;
    },
    async close() {
      const h = host;
      host = null;
      if (h) await (await h).close();
    },
  };
}
