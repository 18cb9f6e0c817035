// `npm start`: runs the desktop app from the source tree. Fetches the Electron binary the first time,
// rebuilds the native modules for Electron, builds, and starts Electron on this folder.
// Afterwards the native modules are Electron builds: `npm rebuild better-sqlite3 nodejieba` restores
// the Node builds the CLI and the tests need (npm run dist does this by itself).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ROOT, buildApp, ensureElectronBinary, rebuildNativeForElectron } from './electron-steps.mjs';

ensureElectronBinary();
rebuildNativeForElectron();
buildApp();

// The electron package's main export is the path of the binary it installed.
const electronBinary = createRequire(import.meta.url)('electron');
const result = spawnSync(electronBinary, ['.', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
console.log('\n提示：原生模块现为 Electron 版本；运行命令行工具或测试前请执行 npm rebuild better-sqlite3 nodejieba');
process.exit(result.status ?? 1);
