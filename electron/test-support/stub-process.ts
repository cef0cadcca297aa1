/** The parent side of electron-stub.cjs: starts the packaged main.cjs under Node and talks to it. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface StubState {
  privileged: { scheme: string; privileges: Record<string, boolean> }[];
  handled: string[];
  windows: { options: { webPreferences?: Record<string, unknown>; show?: boolean; title?: string }; loads: { url: string; status: number; contentType: string | null; csp: string | null; error: string | null }[]; shown: boolean }[];
  ipcChannels: string[];
  errorBoxes: { title: string; content: string }[];
  messageBoxes: { message: string; detail?: string }[];
  menus: (unknown[] | null)[];
  lockHeld: boolean;
  lockReleased: boolean;
  exitCode: number | null;
  logsPath: string | null;
  permissionRequestHandler: boolean;
  permissionCheckHandler: boolean;
}

export interface Fetched {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface StubApp {
  child: ChildProcess;
  /** Resolves when the window is shown, or with the exit code when the app ends first. */
  started: Promise<{ shown: true } | { exit: number; state: StubState }>;
  exited: Promise<{ code: number; state: StubState }>;
  call<T>(msg: Record<string, unknown>): Promise<T>;
  fetch(url: string, method?: string): Promise<Fetched>;
  state(): Promise<StubState>;
  stop(): Promise<void>;
}

const STUB = path.join(__dirname, 'electron-stub.cjs');

/** Runs `<resources>/app.asar/dist/electron/main.cjs` under the stand-in `electron` module. */
export function startPackaged(resources: string, userData: string, binary: string): StubApp {
  const main = path.join(resources, 'app.asar', 'dist', 'electron', 'main.cjs');
  // No inherited NODE_OPTIONS or execArgv (vitest's): the child is the app, nothing else.
  const child = fork(STUB, [main, resources, userData, binary], { execArgv: [], env: { PATH: process.env.PATH ?? '', HOME: userData }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let nextId = 1;
  const pending = new Map<number, (v: unknown) => void>();
  let resolveStarted: (v: { shown: true } | { exit: number; state: StubState }) => void = () => undefined;
  let resolveExited: (v: { code: number; state: StubState }) => void = () => undefined;
  const started = new Promise<{ shown: true } | { exit: number; state: StubState }>((r) => (resolveStarted = r));
  const exited = new Promise<{ code: number; state: StubState }>((r) => (resolveExited = r));
  let lastState: StubState | null = null;
  child.on('message', (m: { id?: number; result?: unknown; type?: string; code?: number; state?: StubState }) => {
    if (m.id !== undefined) {
      pending.get(m.id)?.(m.result);
      pending.delete(m.id);
    } else if (m.type === 'shown') resolveStarted({ shown: true });
    else if (m.type === 'exit' && m.state) {
      lastState = m.state;
      resolveStarted({ exit: m.code ?? -1, state: m.state });
    }
  });
  child.on('exit', (code, signal) => {
    // A crash before the stand-in could report: the state says only how it ended.
    const state = lastState ?? ({ exitCode: code, errorBoxes: [], stderr: `${signal ?? ''}\n${stderr}` } as unknown as StubState);
    resolveStarted({ exit: code ?? -1, state });
    resolveExited({ code: code ?? -1, state });
    for (const done of pending.values()) done({ error: `the app exited (${code ?? signal}); stderr:\n${stderr}` });
  });
  const call = <T>(msg: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (v: unknown) => void);
      child.send({ ...msg, id });
    });
  return {
    child,
    started,
    exited,
    call,
    async fetch(url, method = 'GET') {
      const r = await call<{ status: number; headers: Record<string, string>; body: string; error?: string }>({ op: 'fetch', url, method });
      if (r.error) throw new Error(r.error);
      return { status: r.status, headers: r.headers, body: Buffer.from(r.body, 'base64') };
    },
    state: () => call<StubState>({ op: 'state' }),
    async stop() {
      if (child.exitCode !== null) return;
      await call({ op: 'quit' });
      await exited;
    },
  };
}
