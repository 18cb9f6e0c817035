// `npm run dist [-- electron-builder options]`: builds the installers configured in
// electron-builder.yml. For each target platform and architecture: the native modules are rebuilt
// for Electron on that target, then electron-builder packages (npmRebuild is off in the yml, so this
// is the only rebuild); at the end the Node builds are restored so that the tests keep working.
//
// Without options: the installers of this machine's system and architecture (on Linux x64: deb and
// AppImage for x64). nodejieba has no prebuilt binaries and is compiled on the build machine, so a
// target of another system or architecture gets a native module that will not load there; such
// targets are refused unless MISHEN_ALLOW_CROSS=1 (e.g. in an emulated or prepared environment).
import { buildApp, ensureElectronBinary, rebuildNativeForElectron, restoreNativeForNode, run } from './electron-steps.mjs';

const PLATFORM_FLAGS = { '--linux': 'linux', '-l': 'linux', '--win': 'win32', '-w': 'win32', '--windows': 'win32', '--mac': 'darwin', '-m': 'darwin' };
const ARCH_FLAGS = { '--x64': 'x64', '--arm64': 'arm64', '--ia32': 'ia32', '--armv7l': 'armv7l' };
const BUILDER_PLATFORM = { linux: '--linux', win32: '--win', darwin: '--mac' };

const passed = process.argv.slice(2);
// Everything that is not a platform or an arch flag goes to electron-builder unchanged (e.g. a target: --linux deb).
const platforms = [...new Set(passed.filter((a) => a in PLATFORM_FLAGS).map((a) => PLATFORM_FLAGS[a]))];
const arches = [...new Set(passed.filter((a) => a in ARCH_FLAGS).map((a) => ARCH_FLAGS[a]))];
const rest = passed.filter((a) => !(a in PLATFORM_FLAGS) && !(a in ARCH_FLAGS));
if (platforms.length === 0) platforms.push(process.platform);
if (arches.length === 0) arches.push(process.arch);

const targets = platforms.flatMap((platform) => arches.map((arch) => ({ platform, arch })));
const foreign = targets.filter((t) => t.platform !== process.platform || t.arch !== process.arch);
if (foreign.length && process.env.MISHEN_ALLOW_CROSS !== '1') {
  console.error(
    `不能在本机（${process.platform}-${process.arch}）构建 ${foreign.map((t) => `${t.platform}-${t.arch}`).join('、')} 的安装包：\n` +
      '原生模块 nodejieba 没有预编译版本，须在目标系统和架构上编译。请在目标系统上运行 npm run dist；\n' +
      '如已为目标准备好原生模块，可设置 MISHEN_ALLOW_CROSS=1 跳过此检查。',
  );
  process.exit(2);
}

ensureElectronBinary();
buildApp();
let failed = false;
try {
  for (const { platform, arch } of targets) {
    rebuildNativeForElectron(platform, arch);
    // This machine's own target packages the Electron already fetched instead of downloading it again.
    const own = platform === process.platform && arch === process.arch ? ['-c.electronDist=node_modules/electron/dist'] : [];
    // The platform's target list comes from electron-builder.yml unless a target was passed on.
    run('npx', ['--no-install', 'electron-builder', BUILDER_PLATFORM[platform], `--${arch}`, '--publish', 'never', ...own, ...rest]);
  }
} catch (error) {
  failed = true;
  console.error(error.message);
} finally {
  restoreNativeForNode();
}
if (!failed) console.log('\n安装包已生成在 release/ 目录。');
process.exit(failed ? 1 : 0);
