/**
 * The preload bridge: exactly the contract's channels (unknown ones are refused here, before
 * IPC), the file commands (done in main) and menu commands. The page never sees `ipcRenderer`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, type MenuCommand, type OfferflowBridge } from '../service/bridge';
import { isChannel } from '../service/contract';

const bridge: OfferflowBridge = {
  send: (channel, args) => {
    // Typed for the page's code, checked here anyway: a script in the page could call anything.
    if (!isChannel(channel)) return Promise.resolve({ ok: false, error: { message: `unknown channel "${String(channel)}"`, field: 'channel' } });
    // The main process answers through the dispatcher, typed by the contract's `Handlers`;
    // the renderer's client checks the answer against the result schema in development builds.
    return ipcRenderer.invoke(IPC.call, channel, args);
  },
  importFile: (request) => ipcRenderer.invoke(IPC.importFile, request),
  exportFile: (request) => ipcRenderer.invoke(IPC.exportFile, request),
  onMenu: (listener) => {
    const handler = (_event: unknown, command: MenuCommand): void => listener(command);
    ipcRenderer.on(IPC.menu, handler);
    return () => {
      ipcRenderer.removeListener(IPC.menu, handler);
    };
  },
};

contextBridge.exposeInMainWorld('offerflow', bridge);
