import { describe, expect, it, vi } from 'vitest';
import { aboutText, appMenu, type MenuItem } from '../../../../electron/app/app-menu';

const all = (items: readonly MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...all(i.submenu ?? [])]);
const leaves = (items: readonly MenuItem[]) => all(items).filter((i) => !i.submenu && i.type !== 'separator');
const DEVELOPER_ROLES = ['reload', 'forceReload', 'toggleDevTools'];

describe('the application menu', () => {
  for (const platform of ['win32', 'linux', 'darwin']) {
    for (const packaged of [true, false]) {
      const menu = appMenu({ packaged, platform, onAbout: () => {} });

      it(`${platform}, ${packaged ? 'installed' : 'development'}: every label is Chinese`, () => {
        for (const item of all(menu)) {
          if (item.type === 'separator') continue;
          expect(item.label, JSON.stringify(item)).toMatch(/[\u4e00-\u9fff]/);
          expect(item.label).not.toMatch(/[A-Za-z]/);
        }
      });

      it(`${platform}, ${packaged ? 'installed' : 'development'}: every item does something (a role or a click)`, () => {
        for (const item of leaves(menu)) expect(item.role !== undefined || item.click !== undefined, JSON.stringify(item)).toBe(true);
        for (const item of all(menu).filter((i) => i.submenu)) expect(item.submenu!.length, item.label).toBeGreaterThan(0);
      });
    }
  }

  it('has no reload and no developer tools in an installed app', () => {
    for (const platform of ['win32', 'linux', 'darwin']) {
      const menu = appMenu({ packaged: true, platform, onAbout: () => {} });
      expect(all(menu).filter((i) => DEVELOPER_ROLES.includes(i.role ?? '')), platform).toEqual([]);
      expect(menu.map((m) => m.label)).not.toContain('开发');
    }
  });

  it('keeps them in a 开发 menu in development', () => {
    const menu = appMenu({ packaged: false, platform: 'linux', onAbout: () => {} });
    const dev = menu.find((m) => m.label === '开发');
    expect(dev?.submenu?.map((i) => i.role)).toEqual(['reload', 'forceReload', 'toggleDevTools']);
  });

  it('offers 文件, 编辑, 视图 and 帮助 with the usual commands', () => {
    const menu = appMenu({ packaged: true, platform: 'win32', onAbout: () => {} });
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const roles = (label: string) => menu.find((m) => m.label === label)!.submenu!.filter((i) => i.role).map((i) => [i.label, i.role]);
    expect(roles('文件')).toEqual([['退出', 'quit']]);
    expect(roles('编辑')).toEqual([
      ['撤销', 'undo'],
      ['重做', 'redo'],
      ['剪切', 'cut'],
      ['复制', 'copy'],
      ['粘贴', 'paste'],
      ['全选', 'selectAll'],
    ]);
    expect(roles('视图')).toEqual([
      ['实际大小', 'resetZoom'],
      ['放大', 'zoomIn'],
      ['缩小', 'zoomOut'],
      ['全屏', 'togglefullscreen'],
    ]);
  });

  it('关于密审 calls back, and says the version', () => {
    const onAbout = vi.fn();
    const about = all(appMenu({ packaged: true, platform: 'linux', onAbout })).find((i) => i.label === '关于密审');
    about!.click!();
    expect(onAbout).toHaveBeenCalledOnce();
    const text = aboutText('0.1.0');
    expect(text.title).toBe('关于密审');
    expect(text.message).toBe('密审 0.1.0');
    expect(text.detail).toMatch(/离线/);
  });

  it('on macOS puts 关于 and 退出 in the app menu', () => {
    const menu = appMenu({ packaged: true, platform: 'darwin', onAbout: () => {} });
    expect(menu[0].label).toBe('密审');
    expect(menu[0].submenu!.map((i) => i.label)).toEqual(expect.arrayContaining(['关于密审', '退出密审']));
    expect(menu.map((m) => m.label)).not.toContain('帮助');
  });
});

describe('main.ts', () => {
  // main.ts cannot run here (no Electron binary): check that it installs this menu rather than Electron's.
  it('sets this menu as the application menu', async () => {
    const { readFileSync } = await import('node:fs');
    const main = readFileSync(new URL('../../../../electron/main.ts', import.meta.url), 'utf8');
    expect(main).toContain('Menu.setApplicationMenu(Menu.buildFromTemplate(appMenu({ packaged: app.isPackaged, platform: process.platform');
  });
});
