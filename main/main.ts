import crypto from 'node:crypto';
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { resolveDataDir } from '../src/boot/data-dir';
import { bootStation } from '../src/boot/station';
import type { BootedStation } from '../src/boot/station';
import { APP_ENTRY_URL } from './app-url';
import { dataDirFlag } from './arguments';
import { WindowClients } from './invoke';
import { handleStationCalls, sendStationEvents } from './ipc';
import { registerSchemes, serveApp } from './protocol';
import { createElectronSecrets } from './secrets';
import { hardenApp, hardenSession } from './security';
import { stderrShellLog } from './shell-log';
import { createElectronSilentPrint } from './silent-print';
import { windowOptions } from './window';

// Bundled to dist/main/main.cjs; the preload and the renderer build sit next to it in dist/.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererRoot = path.join(__dirname, '..', 'renderer');
const log = stderrShellLog;

let starting: Promise<BootedStation> | null = null;
let running: BootedStation | null = null;
let mainWindow: BrowserWindow | null = null;
let closed = false;

/** Each window is a client of the core of its own: its logins are its own. */
const windowClients = new WindowClients(() => crypto.randomBytes(24).toString('base64url'));

function createWindow(booted: BootedStation): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath, { devTools: !app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  const client = windowClients.of(window.webContents.id);
  // The station's own screen: its scanner logs this window in when nobody is logged in.
  booted.station.logins.setScreen(booted.stationId, client);
  sendStationEvents(booted.station.events, window, (event) => booted.station.logins.hears(client, booted.stationId, event));
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log('could not load the station page', { error: String(error) }));
  return window;
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, log);
  // Registered before the station boots; media asked for in the meantime is simply not there yet.
  // Clips and evidence only for a window logged in as someone who may review them.
  serveApp(
    rendererRoot,
    {
      files: (kind, id) => {
        const station = running?.station;
        const window = mainWindow;
        if (!station || !window || station.mayReview(windowClients.of(window.webContents.id), { kind, id }) !== 'yes') return null;
        return station.mediaFile(kind, id);
      },
      // Another station's clip, through central: the core checks the window's logins (Station.remoteClip).
      remoteClips: async (stationId, segmentId, range) => {
        const station = running?.station;
        const window = mainWindow;
        if (!station || !window) return null;
        return station.remoteClip(windowClients.of(window.webContents.id), stationId, segmentId, range);
      },
    },
    log,
  );
  // appData, not userData: the browser host resolves the same folder, so both hosts share one station.
  const dataDir = resolveDataDir({
    flag: dataDirFlag(process.argv),
    env: process.env.PACKDESK_DATA,
    appData: app.getPath('appData'),
  });
  // A real station: the USB scale and HID POS scanners are read by the core itself.
  starting = bootStation({
    dataDir,
    host: 'electron',
    seedDemoIfEmpty: true,
    housekeeping: true,
    scale: 'hid',
    hidScanner: true,
    silentPrint: createElectronSilentPrint(log),
    secrets: createElectronSecrets() ?? undefined,
  });
  const booted = await starting;
  // A quit during boot has already closed the station; do not open a window onto it.
  if (closed) return;
  running = booted;
  handleStationCalls(booted.station, log, windowClients);
  mainWindow = createWindow(booted);
}

/** Closes the station (database, log) once, however the quit was triggered. */
async function closeStation(): Promise<void> {
  const booting = starting;
  starting = null;
  // No media lookups against a database that is closing.
  running = null;
  if (!booting) return;
  const booted = await booting.catch(() => null);
  await booted?.close();
}

function quitCleanly(event: Electron.Event): void {
  if (closed) return;
  event.preventDefault();
  closed = true;
  closeStation()
    .catch((error: unknown) => log('the station did not close cleanly', { error: String(error) }))
    .finally(() => app.quit());
}

if (!app.requestSingleInstanceLock()) {
  // A second Packdesk on the same station would fight over the database and the devices.
  app.quit();
} else {
  registerSchemes();
  hardenApp(log);
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', quitCleanly);
  start().catch(async (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    log('Packdesk could not start', { error: message });
    dialog.showErrorBox('Packdesk could not start', message);
    await closeStation().catch(() => undefined);
    app.exit(1);
  });
}
