// The Electron main process: one hardened window over the app:// protocol, the review service in a
// worker thread, and nothing else. The decisions live in plain modules under app/ (tested in Node);
// this file wires them to Electron. Security checklist: ../../shared/docs/architecture.md.
import { app, BrowserWindow, dialog, Menu, protocol, screen, session } from 'electron';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unpackedUrl } from './asar/unpacked-path';
import { aboutText, appMenu } from './app/app-menu';
import { resolveAppUrl } from './app/app-protocol';
import { CONTENT_SECURITY_POLICY } from './app/csp';
import { APP_ORIGIN, APP_SCHEME, isAllowedUrl } from './app/network-policy';
import { startServiceWorker, type ServiceClient } from './app/service-client';
import { MIN_SIZE, loadWindowState, placeWindow, saveWindowState } from './app/window-state';
import { handle } from './ipc';

/** dist/, where main.mjs, preload.cjs, service-worker.mjs and renderer/ are. */
const distDir = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(distDir, 'renderer');

// The data folder is named the same in development and when installed (Electron would otherwise take
// package.json's name or productName, whichever the build left), and ASCII: ~/.config/mishen, %APPDATA%\mishen.
// Test mode (as Beekeeper Studio): MISHEN_USER_DATA puts the database and window state elsewhere.
app.setPath('userData', process.env.MISHEN_USER_DATA || join(app.getPath('appData'), 'mishen'));

// Before 'ready': app:// behaves like https (origin, fetch, secure context) so CSP 'self' works.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | undefined;
let service: ServiceClient | undefined;

if (!app.requestSingleInstanceLock()) {
  // A second start brings the running window forward instead of opening the database twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    // No page navigates anywhere or opens windows: the app is one page talking through the contract.
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!service) return;
    // Let the worker close the database cleanly, then quit for real.
    event.preventDefault();
    const closing = service.close();
    service = undefined;
    void closing.finally(() => app.quit());
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  hardenSession();
  protocol.handle(APP_SCHEME, serveAppFile);
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenu({ packaged: app.isPackaged, platform: process.platform, onAbout: showAbout })));
  service = startServiceWorker(
    // Installed: from app.asar.unpacked/dist, outside the archive (electron-builder.yml's asarUnpack).
    app.isPackaged ? unpackedUrl(new URL('./service-worker.mjs', import.meta.url)) : new URL('./service-worker.mjs', import.meta.url),
    {
      dbFile: join(app.getPath('userData'), 'mishen.db'),
      userData: app.getPath('userData'),
      // Packaged: electron-builder copies dictionaries/ to resources/ (extraResources).
      dictionaryDir: app.isPackaged ? join(process.resourcesPath, 'dictionaries') : undefined,
      cacheDir: join(app.getPath('userData'), 'cache'),
    },
    { savePdf },
  );
  const client = service;
  handle((channel, args) => client.call(channel, args));
  client.ready.catch((error: Error) => dialog.showErrorBox('密审无法启动', error.message));
  mainWindow = createWindow();
}

function showAbout(): void {
  const { title, message, detail } = aboutText(app.getVersion());
  const options = { type: 'info' as const, title, message, detail, buttons: ['确定'] };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function hardenSession(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedUrl(details.url);
    if (!allowed) console.warn(`已拒绝网络请求：${details.url}`);
    callback({ cancel: !allowed });
  });
}

async function serveAppFile(request: Request): Promise<Response> {
  const target = resolveAppUrl(request.url, rendererDir);
  if (!target.ok) return new Response(target.reason, { status: target.status });
  try {
    const body = await readFile(target.file);
    return new Response(body, {
      headers: { 'content-type': target.mimeType, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const primary = screen.getPrimaryDisplay();
  const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const placed = placeWindow(loadWindowState(stateFile), areas);
  const win = new BrowserWindow({
    ...placed.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: '密审',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's spell checker downloads its dictionaries from the internet.
      spellcheck: false,
      preload: join(distDir, 'preload.cjs'),
    },
  });
  if (placed.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    try {
      saveWindowState(stateFile, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (error) {
      console.warn(`窗口位置未能保存：${(error as Error).message}`);
    }
  });
  win.on('closed', () => (mainWindow = undefined));
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/**
 * The 审查单 as PDF: the user picks where, a hidden sandboxed window without JavaScript renders the
 * self-contained HTML from a private temp file in its own in-memory session (which may load only
 * that file), and Chromium prints it.
 */
async function savePdf(html: string, suggestedName: string): Promise<string | null> {
  const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;

  const dir = await mkdtemp(join(tmpdir(), 'mishen-print-'));
  const printer = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, spellcheck: false, partition: 'mishen-print' },
  });
  try {
    const file = join(dir, 'review-form.html');
    await writeFile(file, html, { mode: 0o600 });
    const fileUrl = pathToFileURL(file).href;
    printer.webContents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== fileUrl && !details.url.startsWith('data:') }));
    await printer.loadURL(fileUrl);
    const pdf = await printer.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    await writeFile(choice.filePath, pdf);
    return choice.filePath;
  } finally {
    printer.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
