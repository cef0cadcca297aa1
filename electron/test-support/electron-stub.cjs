// @ts-check
'use strict';
/**
 * Runs a packaged main.cjs under plain Node with a stand-in for the `electron` module, so the
 * packaged layout can be tested where Electron's binary cannot be had. Usage (a forked child):
 *
 *   node electron-stub.cjs <main.cjs> <resourcesDir> <userDataDir> <electronBinary>
 *
 * The stand-in behaves as Electron does where it matters to the shell: privileged schemes only
 * before `ready`, `protocol.handle` only after it; a window is shown (`ready-to-show`) only when
 * its page answered 200 through the registered handler; `file://` pages inside app.asar fail to
 * load when the binary's grantFileProtocolExtraPrivileges fuse is off (no asar loader then);
 * standard schemes are parsed like http (backslashes are slashes, dot segments removed).
 * It records what main.cjs did (schemes, handlers, window options, IPC handlers, menus,
 * dialogs, lock, exit code) and answers the parent's requests over the IPC channel.
 */
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const path = require('node:path');

const [mainFile, resourcesPath, userData, electronBinary] = process.argv.slice(2);
if (!mainFile || !resourcesPath || !userData || !electronBinary) throw new Error('usage: electron-stub.cjs <main.cjs> <resources> <userData> <binary>');

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The binary's fuse wire, as Electron reads it at startup ('1' on, '0' off). */
function fuses() {
  const bin = fs.readFileSync(electronBinary);
  const at = bin.indexOf(SENTINEL);
  if (at < 0) throw new Error(`no fuse wire in ${electronBinary}`);
  const pos = at + SENTINEL.length;
  const length = bin[pos + 1] ?? 0;
  return Array.from(bin.subarray(pos + 2, pos + 2 + length), (b) => String.fromCharCode(b));
}
const GRANT_FILE_PROTOCOL_EXTRA_PRIVILEGES = 7;

/** @type {any} */
const state = {
  privileged: [],
  handled: [],
  windows: [],
  ipcChannels: [],
  errorBoxes: [],
  messageBoxes: [],
  menus: [],
  sent: [],
  lockHeld: false,
  lockReleased: false,
  exitCode: null,
  logsPath: null,
  permissionRequestHandler: false,
  permissionCheckHandler: false,
};
/** @type {Record<string, (req: Request) => Promise<Response>>} */
const handlers = {};
/** @type {Record<string, Function>} */
const ipcHandlers = {};
/** @type {any[]} */
const contents = [];
let ready = false;
/** @type {() => void} */
let resolveReady = () => undefined;
const whenReady = new Promise((r) => (resolveReady = () => r(undefined)));
/** @type {Function | null} */
let permissionRequest = null;
/** @type {Function | null} */
let permissionCheck = null;
/** @type {{ open: string[] | null, save: string | null }} */
const dialogAnswers = { open: null, save: null };

/** @param {any} msg */
function tell(msg) {
  if (process.send) process.send(msg);
}

/** @param {number} code */
function finish(code) {
  if (state.exitCode !== null) return;
  state.exitCode = code;
  tell({ type: 'exit', code, state });
  // Let the message reach the parent before the process ends.
  setImmediate(() => process.exit(code));
}

/** Parses a URL the way Chromium parses a standard scheme: like http. */
function canonical(url) {
  const scheme = url.slice(0, url.indexOf(':'));
  if (!state.privileged.some((/** @type {any} */ s) => s.scheme === scheme && s.privileges?.standard)) return url;
  const u = new URL(`http${url.slice(scheme.length)}`);
  return `${scheme}${u.href.slice(4)}`;
}

/**
 * A request through the registered handler, as the page (or net.fetch) would make it.
 * @param {string} url
 * @param {string} [method]
 */
async function request(url, method = 'GET') {
  const scheme = url.slice(0, url.indexOf(':'));
  const handler = handlers[scheme];
  if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${scheme})`);
  return handler(new Request(canonical(url), { method }));
}

const app = Object.assign(new EventEmitter(), {
  isPackaged: true,
  name: JSON.parse(fs.readFileSync(path.join(path.dirname(mainFile), '../../package.json'), 'utf8')).productName,
  getAppPath: () => path.join(resourcesPath, 'app.asar'),
  /** @param {string} [p] */
  setAppLogsPath(p) {
    state.logsPath = p ?? path.join(userData, 'logs');
  },
  /** @param {string} name */
  getPath(name) {
    if (name === 'userData') return userData;
    if (name === 'logs') return state.logsPath ?? path.join(userData, 'logs');
    throw new Error(`Failed to get '${name}' path`);
  },
  requestSingleInstanceLock() {
    state.lockHeld = true;
    return true;
  },
  releaseSingleInstanceLock() {
    state.lockHeld = false;
    state.lockReleased = true;
  },
  whenReady: () => whenReady,
  isReady: () => ready,
  quit() {
    const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    app.emit('will-quit', e);
    if (!e.defaultPrevented) finish(0);
  },
  /** @param {number} [code] */
  exit(code = 0) {
    finish(code);
  },
});

const protocol = {
  /** @param {any[]} schemes */
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    state.privileged.push(...schemes);
  },
  /** @param {string} scheme @param {(req: Request) => Promise<Response>} handler */
  handle(scheme, handler) {
    if (!ready) throw new Error('protocol.handle: the app is not ready');
    if (handlers[scheme]) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers[scheme] = handler;
    state.handled.push(scheme);
  },
  /** @param {string} scheme */
  isProtocolHandled: (scheme) => scheme in handlers,
};

let nextId = 1;
class WebContents extends EventEmitter {
  /** @param {any} win */
  constructor(win) {
    super();
    this.id = nextId++;
    this.win = win;
    this.mainFrame = { url: '', parent: null, frameTreeNodeId: this.id * 100 };
    /** @type {Function | null} */
    this.windowOpenHandler = null;
    contents.push(this);
    app.emit('web-contents-created', { preventDefault() {} }, this);
  }
  /** @param {Function} h */
  setWindowOpenHandler(h) {
    this.windowOpenHandler = h;
  }
  /** @param {string} channel @param {unknown[]} args */
  send(channel, ...args) {
    state.sent.push({ channel, args });
  }
  getURL() {
    return this.mainFrame.url;
  }
  isDestroyed() {
    return false;
  }
  /** @param {string} url */
  async loadURL(url) {
    const record = { url, status: 0, contentType: null, csp: null, error: null };
    this.win.record.loads.push(record);
    try {
      if (url.startsWith('file:')) {
        const inAsar = /[\\/]app\.asar[\\/]/.test(decodeURIComponent(url));
        if (inAsar && fuses()[GRANT_FILE_PROTOCOL_EXTRA_PRIVILEGES] !== '1') throw new Error('net::ERR_FILE_NOT_FOUND (file:// inside app.asar with grantFileProtocolExtraPrivileges off)');
        // Even where the file loads, Vite's crossorigin module script is CORS-blocked from file://.
        throw new Error('net::ERR_FAILED (module script from file:// blocked by CORS: the page stays empty)');
      }
      const res = await request(url);
      record.status = res.status;
      record.contentType = res.headers.get('content-type');
      record.csp = res.headers.get('content-security-policy');
      if (res.status !== 200) throw new Error(`net::ERR_HTTP_RESPONSE_CODE_FAILURE (${res.status})`);
    } catch (e) {
      record.error = e instanceof Error ? e.message : String(e);
      this.emit('did-fail-load', { preventDefault() {} }, -2, record.error, url, true);
      throw new Error(`ERR_FAILED (-2) loading '${url}'`);
    }
    this.mainFrame.url = canonical(url);
    this.emit('did-finish-load');
    setImmediate(() => this.win.emit('ready-to-show'));
  }
}

class BrowserWindow extends EventEmitter {
  /** @param {any} options */
  constructor(options) {
    super();
    this.record = { options: JSON.parse(JSON.stringify(options)), loads: [], shown: false, maximized: false };
    state.windows.push(this.record);
    this.webContents = new WebContents(this);
  }
  /** @param {string} url */
  loadURL(url) {
    return this.webContents.loadURL(url);
  }
  show() {
    this.record.shown = true;
    tell({ type: 'shown' });
  }
  maximize() {
    this.record.maximized = true;
  }
  isMaximized() {
    return this.record.maximized;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  isDestroyed() {
    return false;
  }
  getNormalBounds() {
    const o = this.record.options;
    return { x: o.x ?? 0, y: o.y ?? 0, width: o.width ?? 1280, height: o.height ?? 800 };
  }
}

/** Menu templates without their click functions, for the parent to read. */
function plainMenu(/** @type {any[]} */ template) {
  return template.map((item) => {
    const { click: _click, submenu, ...rest } = item;
    return Array.isArray(submenu) ? { ...rest, submenu: plainMenu(submenu) } : rest;
  });
}

const sessionLike = {
  /** @param {Function} h */
  setPermissionRequestHandler(h) {
    permissionRequest = h;
    state.permissionRequestHandler = true;
  },
  /** @param {Function} h */
  setPermissionCheckHandler(h) {
    permissionCheck = h;
    state.permissionCheckHandler = true;
  },
  webRequest: { onHeadersReceived() {} },
  protocol,
};

const electron = {
  app,
  protocol,
  BrowserWindow,
  session: { defaultSession: sessionLike },
  ipcMain: {
    /** @param {string} channel @param {Function} h */
    handle(channel, h) {
      if (ipcHandlers[channel]) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers[channel] = h;
      state.ipcChannels.push(channel);
    },
    on() {},
  },
  dialog: {
    /** @param {string} title @param {string} content */
    showErrorBox(title, content) {
      state.errorBoxes.push({ title, content });
      tell({ type: 'errorBox', title, content });
    },
    /** @param {any} opts */
    showMessageBoxSync(opts) {
      state.messageBoxes.push({ message: opts.message, detail: opts.detail });
      return opts.cancelId ?? 0;
    },
    async showOpenDialog() {
      const filePaths = dialogAnswers.open ?? [];
      return { canceled: filePaths.length === 0, filePaths };
    },
    async showSaveDialog() {
      return dialogAnswers.save ? { canceled: false, filePath: dialogAnswers.save } : { canceled: true, filePath: '' };
    },
  },
  Menu: {
    /** @param {any[]} template */
    buildFromTemplate: (template) => ({ template }),
    /** @param {{ template: any[] } | null} menu */
    setApplicationMenu(menu) {
      state.menus.push(menu ? plainMenu(menu.template) : null);
    },
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  net: { fetch: (/** @type {string} */ url) => request(url) },
};

// Every require('electron') from the packaged code gets the stand-in.
const load = /** @type {any} */ (Module)._load;
/** @type {any} */ (Module)._load = function (/** @type {string} */ name, /** @type {unknown[]} */ ...rest) {
  if (name === 'electron') return electron;
  return load.call(this, name, ...rest);
};
Object.defineProperty(process, 'resourcesPath', { value: resourcesPath });

/** Answers the parent's requests. */
process.on('message', async (/** @type {any} */ msg) => {
  const reply = (/** @type {unknown} */ result) => tell({ id: msg.id, result });
  try {
    if (msg.op === 'state') return reply(state);
    if (msg.op === 'fetch') {
      const res = await request(msg.url, msg.method);
      const body = Buffer.from(await res.arrayBuffer());
      return reply({ status: res.status, headers: Object.fromEntries(res.headers), body: body.toString('base64') });
    }
    if (msg.op === 'ipc') {
      const win = contents[0];
      const h = ipcHandlers[msg.channel];
      if (!h) return reply({ missing: true });
      const frames = { main: win.mainFrame, iframe: { url: win.mainFrame.url, parent: win.mainFrame }, other: { url: win.mainFrame.url, parent: null } };
      const sender = msg.from === 'other' ? { id: 999 } : win;
      const event = { sender, senderFrame: frames[/** @type {'main' | 'iframe' | 'other'} */ (msg.from)] };
      return reply({ value: await h(event, ...msg.args) });
    }
    if (msg.op === 'navigate') {
      const win = contents[0];
      let prevented = false;
      const event = { url: msg.url, isMainFrame: msg.isMainFrame, preventDefault: () => (prevented = true) };
      if (msg.event === 'will-frame-navigate') win.emit('will-frame-navigate', event);
      else win.emit(msg.event, event, msg.url);
      return reply({ prevented });
    }
    if (msg.op === 'window-open') return reply(contents[0].windowOpenHandler?.({ url: msg.url }) ?? null);
    if (msg.op === 'permission') {
      let granted = null;
      permissionRequest?.(contents[0], msg.permission, (/** @type {boolean} */ ok) => (granted = ok));
      return reply({ granted, check: permissionCheck?.(contents[0], msg.permission) ?? null });
    }
    if (msg.op === 'dialog-answers') {
      Object.assign(dialogAnswers, msg.answers);
      return reply(true);
    }
    if (msg.op === 'quit') {
      app.quit();
      return reply(true);
    }
    reply({ error: `unknown op ${msg.op}` });
  } catch (e) {
    reply({ error: e instanceof Error ? e.message : String(e) });
  }
});

require(mainFile);
// Electron emits `ready` after the main script has run its first turn.
setImmediate(() => {
  ready = true;
  app.emit('ready');
  resolveReady();
});
