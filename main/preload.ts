import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

/** Runs sandboxed in the window; bundled to dist/main/preload.cjs. */
contextBridge.exposeInMainWorld('packdesk', buildBridge(ipcRenderer));
