/**
 * Electron main: wiring only. The service (store, handlers, replay worker) is the same as the
 * HTTP host's; the logic of each piece lives in its own module with Node tests.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, type BrowserWindow as Win } from 'electron';
import { IPC, type MenuCommand } from '../service/bridge';
import { bundledSpawner } from '../service/replay/spawn';
import { seedIfEmpty } from '../service/seed';
import { createService, type Service } from '../service/service';
import { startFresh } from '../service/store/safe-open';
import { createAppWindow } from './app-window';
import { openWithRecovery, RECOVERY_BUTTONS } from './data-file-recovery';
import { fileDialogs } from './file-dialogs';
import { registerIpc } from './ipc';
import { menuTemplate, RECENT_LIMIT } from './menu-template';
import { electronNativeBinding, unpackedPath } from './native-binding';
import { denyPermissions, installCsp, isTrustedSender, lockNavigation } from './security';

const pageUrl = pathToFileURL(path.join(__dirname, '../renderer/index.html')).href;
let win: Win | null = null;
let service: Service | null = null;

function send(command: MenuCommand): void {
  win?.webContents.send(IPC.menu, command);
}

async function refreshMenu(): Promise<void> {
  const recent = service ? (await service.handlers['programs.list']({})).slice(0, RECENT_LIMIT) : [];
  const dialogs = fileDialogs(dialog, () => win);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        {
          newProgram: () => send({ type: 'new-program' }),
          openProgramFile: () => void openProgramFile(dialogs.openFile),
          importEvents: () => send({ type: 'import-events' }),
          exportProgram: () => send({ type: 'export-program' }),
          openRecent: (programId) => send({ type: 'open-program', programId }),
        },
        recent,
      ),
    ),
  );
}

async function openProgramFile(open: ReturnType<typeof fileDialogs>['openFile']): Promise<void> {
  const file = await open('program');
  if (!file || !service) return;
  const r = await service.dispatch('programs.import', { text: file.text, fileName: file.fileName });
  if (r.ok) send({ type: 'open-program', programId: (r.value as { id: string }).id });
  else dialog.showErrorBox('This program file cannot be opened', r.error.message);
  await refreshMenu();
}

async function ready(): Promise<void> {
  const appRoot = app.getAppPath();
  // A damaged or foreign data file: ask (start fresh keeping it aside, or quit); never overwrite it.
  service = openWithRecovery({
    open: () =>
      createService({
        dataDir: app.getPath('userData'),
        nativeBinding: electronNativeBinding(appRoot, process.resourcesPath),
        spawn: bundledSpawner(unpackedPath(path.join(__dirname, 'replay-worker.cjs'))),
      }),
    ask: (e) =>
      dialog.showMessageBoxSync({ type: 'error', message: 'Offerflow cannot open its data file', detail: e.message, buttons: [...RECOVERY_BUTTONS], defaultId: 1, cancelId: 1 }) === 0 ? 'start-fresh' : 'quit',
    startFresh,
    tell: (message) => void dialog.showMessageBoxSync({ type: 'info', message }),
  });
  if (!service) return app.quit();
  await seedIfEmpty(service, appRoot);
  installCsp(session.defaultSession);
  denyPermissions(session.defaultSession);
  const dialogs = fileDialogs(dialog, () => win);
  registerIpc({
    ipcMain,
    dispatch: service.dispatch,
    trusted: (e) => isTrustedSender(e.sender, e.senderFrame?.url, win?.webContents.id ?? null, pageUrl),
    openFile: dialogs.openFile,
    saveFile: dialogs.saveFile,
    afterCall: (channel) => void (channel.startsWith('programs.') && refreshMenu()),
  });
  win = createAppWindow({ BrowserWindow, screen, stateDir: app.getPath('userData'), preload: path.join(__dirname, 'preload.cjs'), pageUrl });
  win.on('closed', () => (win = null));
  await refreshMenu();
}

if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('web-contents-created', (_e, contents) => lockNavigation(contents, pageUrl));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (e) => {
    if (!service) return;
    e.preventDefault();
    const s = service;
    service = null;
    void s.close().finally(() => app.quit());
  });
  app.whenReady().then(ready, (e: unknown) => {
    dialog.showErrorBox('Offerflow could not start', e instanceof Error ? e.message : String(e));
    app.quit();
  });
}
