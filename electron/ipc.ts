// The only place ipcMain is used: one handler per channel of the contract, each behind the guard
// (trusted sender, known channel), forwarding to the service worker. Arguments are validated there.
import { ipcMain } from 'electron';
import { ipcListeners, type Forward } from './app/ipc-guard';

export function handle(forward: Forward): void {
  for (const [channel, listener] of ipcListeners(forward)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => listener(event.senderFrame?.url, args));
  }
}
