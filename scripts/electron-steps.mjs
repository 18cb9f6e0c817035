// Steps `npm start` and `npm run dist` share. They need the network the first time (the Electron
// binary, Electron's headers for the native rebuild), so they run here, on demand, never in
// postinstall: `npm ci` and the tests work offline with the Node builds of the native modules.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/^\/([A-Za-z]:)/, '$1');
/** The native modules: rebuilt for Electron before running or packaging, for Node afterwards. */
export const NATIVE_MODULES = ['better-sqlite3', 'nodejieba'];

const isWindows = process.platform === 'win32';

/** Runs a command in the project folder with the output shown; stops the script if it fails. */
export function run(command, args, options = {}) {
  console.log(`\n> ${command} ${args.join(' ')}`);
  // npm and npx are .cmd files on Windows, which spawn only runs through a shell.
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: isWindows && /^np[mx]$/.test(command), ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`命令失败（退出码 ${result.status}）：${command} ${args.join(' ')}`);
}

/**
 * The Electron binary for this machine. The electron package's own install script is disabled in
 * package.json (allowScripts), so that `npm ci` stays offline; it is fetched the first time it is needed.
 * Offline machines: set ELECTRON_MIRROR to an intranet mirror, or place the zip in the cache first.
 */
export function ensureElectronBinary() {
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (existsSync(pathFile) && existsSync(join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()))) return;
  console.log('首次使用：下载 Electron 运行时（需要网络或 ELECTRON_MIRROR 镜像）');
  run(process.execPath, [join('node_modules', 'electron', 'install.js')]);
}

/** Rebuilds the native modules against Electron's headers (its Node ABI differs from the system Node's). */
export function rebuildNativeForElectron(platform = process.platform, arch = process.arch) {
  run('npx', ['--no-install', 'electron-builder', 'install-app-deps', '--platform', platform, '--arch', arch]);
}

/** Puts back the Node builds of the native modules, so that the CLI and `npm test` work again. */
export function restoreNativeForNode() {
  run('npm', ['rebuild', ...NATIVE_MODULES]);
}

/** main.mjs, preload.cjs, service-worker.mjs and the window (dist/renderer). */
export function buildApp() {
  run('npm', ['run', 'build']);
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html')) && scripts['build:renderer']) run('npm', ['run', 'build:renderer']);
  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) throw new Error('dist/renderer/index.html 不存在：窗口界面未构建（npm run build:renderer）');
}
