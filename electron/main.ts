/**
 * Electron main: wiring only. The service (store, handlers, replay worker) is the same as the
 * HTTP host's; the logic of each piece lives in its own module with Node tests, and the packaged
 * main.cjs itself runs under a stub of `electron` in electron/packaged.test.ts.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell, type BrowserWindow as Win } from 'electron';
import { IPC, type MenuCommand } from '../service/bridge';
import { bundledSpawner } from '../service/replay/spawn';
import { seedIfEmpty } from '../service/seed';
import { createService, type Service } from '../service/service';
import { startFresh } from '../service/store/safe-open';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './app-protocol';
import { createAppWindow } from './app-window';
import { openWithRecovery, RECOVERY_BUTTONS } from './data-file-recovery';
import { fileActions } from './file-dialogs';
import { registerIpc } from './ipc';
import { menuTemplate, RECENT_LIMIT } from './menu-template';
import { browserDemo, type BrowserDemo } from './browser-demo';
import { electronNativeBinding, unpackedPath } from './native-binding';
import { denyPermissions, isTrustedSender, lockNavigation } from './security';
import { failStartup, fileLogger } from './startup';

// Privileged schemes can only be registered before `ready`.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const devTools = !app.isPackaged;
app.setAppLogsPath();
const logPath = path.join(app.getPath('logs'), 'main.log');
const log = fileLogger(logPath);

let win: Win | null = null;
let service: Service | null = null;
/** Once the window is shown, failures are the page's to report; before, they end the launch. */
let shown = false;
let stage = 'starting';

function fail(e: unknown): void {
  if (shown) {
    log(`${new Date().toISOString()} error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return;
  }
  const s = service;
  service = null;
  void s?.close().catch(() => undefined);
  failStartup({ showErrorBox: (t, c) => dialog.showErrorBox(t, c), releaseSingleInstanceLock: () => app.releaseSingleInstanceLock(), exit: (code) => app.exit(code), log, logPath, packaged: app.isPackaged }, stage, e);
}

/** File › Open in Browser: made when first asked for, closed with the app. */
let demo: BrowserDemo | null = null;

function openInBrowser(): void {
  if (!service) return;
  demo ??= browserDemo({ dataDir: app.getPath('userData'), staticDir: path.join(__dirname, '../renderer'), dispatch: service.dispatch, openExternal: (url) => shell.openExternal(url) });
  demo.open().catch((e: unknown) => {
    log(`${new Date().toISOString()} error: Open in Browser: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    dialog.showErrorBox('Offerflow cannot open the browser version', e instanceof Error ? e.message : String(e));
  });
}

function send(command: MenuCommand): void {
  win?.webContents.send(IPC.menu, command);
}

async function refreshMenu(): Promise<void> {
  const recent = service ? (await service.handlers['programs.list']({})).slice(0, RECENT_LIMIT) : [];
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        {
          newProgram: () => send({ type: 'new-program' }),
          openProgramFile: () => send({ type: 'open-program-file' }),
          importEvents: () => send({ type: 'import-events' }),
          exportProgram: () => send({ type: 'export-program' }),
          openRecent: (programId) => send({ type: 'open-program', programId }),
          openInBrowser,
        },
        recent,
        process.platform,
        devTools,
      ),
    ),
  );
}

async function ready(): Promise<void> {
  const appRoot = app.getAppPath();
  stage = 'serving the app page';
  protocol.handle(APP_SCHEME, appProtocolHandler(path.join(__dirname, '../renderer')));
  stage = 'loading the database module';
  const nativeBinding = electronNativeBinding(appRoot, process.resourcesPath, app.isPackaged);
  stage = 'opening the data folder';
  // A damaged or foreign data file: ask (start fresh keeping it aside, or quit); never overwrite it.
  service = openWithRecovery({
    open: () =>
      createService({
        dataDir: app.getPath('userData'),
        nativeBinding,
        spawn: bundledSpawner(unpackedPath(path.join(__dirname, 'replay-worker.cjs'))),
      }),
    ask: (e) =>
      dialog.showMessageBoxSync({ type: 'error', message: 'Offerflow cannot open its data file', detail: e.message, buttons: [...RECOVERY_BUTTONS], defaultId: 1, cancelId: 1 }) === 0 ? 'start-fresh' : 'quit',
    startFresh,
    tell: (message) => void dialog.showMessageBoxSync({ type: 'info', message }),
  });
  if (!service) {
    app.releaseSingleInstanceLock();
    app.quit();
    return;
  }
  stage = 'adding the sample program';
  await seedIfEmpty(service, appRoot);
  stage = 'opening the window';
  denyPermissions(session.defaultSession);
  const files = fileActions({ dialog, window: () => win, dispatch: service.dispatch });
  registerIpc({
    ipcMain,
    dispatch: service.dispatch,
    trusted: (e) => isTrustedSender(e, win?.webContents.id ?? null, APP_PAGE_URL),
    importFile: (request) => files.importFile(request),
    exportFile: (request) => files.exportFile(request),
    afterCall: (channel) => void (channel.startsWith('programs.') && refreshMenu()),
  });
  win = createAppWindow({
    BrowserWindow,
    screen,
    stateDir: app.getPath('userData'),
    preload: path.join(__dirname, 'preload.cjs'),
    pageUrl: APP_PAGE_URL,
    devTools,
    onShown: () => (shown = true),
    onLoadFailed: (e) => {
      stage = 'loading the app page';
      fail(e);
    },
  });
  win.on('closed', () => (win = null));
  await refreshMenu();
}

if (!app.requestSingleInstanceLock()) app.quit();
else {
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('web-contents-created', (_e, contents) => lockNavigation(contents, APP_PAGE_URL));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (e) => {
    if (!service) return;
    e.preventDefault();
    const s = service;
    service = null;
    const d = demo;
    demo = null;
    void (d ? d.close().catch(() => undefined) : Promise.resolve()).then(() => s.close()).finally(() => app.quit());
  });
  app.whenReady().then(ready).catch(fail);
}
