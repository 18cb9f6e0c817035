// Runs in the sandboxed window before the page: puts the contract on window.mishen, one function per
// channel, and nothing else (never ipcRenderer itself). Bundled to CommonJS: sandboxed preloads
// cannot load ES modules.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './app/bridge';
import type { IpcAnswer } from './app/ipc-guard';

contextBridge.exposeInMainWorld('mishen', createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args) as Promise<IpcAnswer>));
