// The application menu, in Chinese: what Electron's default (English) menu offers that these users need,
// and in an installed app nothing of a developer's (no reload, which would drop the session's page
// state, and no developer tools, which would open the window's internals to anyone at the desk).
// Plain data for Menu.buildFromTemplate in main.ts; the shape is the part of Electron's
// MenuItemConstructorOptions used here, so this file needs no Electron and is tested in Node.

/** Electron menu roles this menu uses (each does its usual thing, with its usual shortcut). */
export type MenuRole =
  | 'quit'
  | 'close'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools';

export interface MenuItem {
  readonly label?: string;
  readonly role?: MenuRole;
  readonly type?: 'separator';
  readonly accelerator?: string;
  readonly click?: () => void;
  readonly submenu?: MenuItem[];
}

export interface AppMenuOptions {
  /** app.isPackaged: an installed app gets no developer items. */
  readonly packaged: boolean;
  /** process.platform: macOS puts 关于 and 退出 in a first menu named after the app. */
  readonly platform: NodeJS.Platform | string;
  /** Shows 关于密审 (main.ts: a message box with aboutText()). */
  readonly onAbout: () => void;
}

export const APP_NAME = '密审';

const separator: MenuItem = { type: 'separator' };

/** The menu template: 文件, 编辑, 视图, (开发 in development only,) 帮助. */
export function appMenu({ packaged, platform, onAbout }: AppMenuOptions): MenuItem[] {
  const mac = platform === 'darwin';
  const about: MenuItem = { label: `关于${APP_NAME}`, click: onAbout };
  const menus: MenuItem[] = [];
  if (mac) {
    menus.push({
      label: APP_NAME,
      submenu: [about, separator, { label: `隐藏${APP_NAME}`, role: 'hide' }, { label: '隐藏其他', role: 'hideOthers' }, { label: '全部显示', role: 'unhide' }, separator, { label: `退出${APP_NAME}`, role: 'quit' }],
    });
  }
  menus.push({ label: '文件', submenu: mac ? [{ label: '关闭窗口', role: 'close' }] : [{ label: '退出', role: 'quit' }] });
  menus.push({
    label: '编辑',
    submenu: [
      { label: '撤销', role: 'undo' },
      { label: '重做', role: 'redo' },
      separator,
      { label: '剪切', role: 'cut' },
      { label: '复制', role: 'copy' },
      { label: '粘贴', role: 'paste' },
      separator,
      { label: '全选', role: 'selectAll' },
    ],
  });
  menus.push({
    label: '视图',
    submenu: [{ label: '实际大小', role: 'resetZoom' }, { label: '放大', role: 'zoomIn' }, { label: '缩小', role: 'zoomOut' }, separator, { label: '全屏', role: 'togglefullscreen' }],
  });
  if (!packaged) {
    menus.push({
      label: '开发',
      submenu: [{ label: '重新加载', role: 'reload' }, { label: '强制重新加载', role: 'forceReload' }, { label: '开发者工具', role: 'toggleDevTools' }],
    });
  }
  // On macOS 关于 is in the app menu, and a 帮助 menu would hold nothing.
  if (!mac) menus.push({ label: '帮助', submenu: [about] });
  return menus;
}

/** What 关于密审 says. */
export function aboutText(version: string): { title: string; message: string; detail: string } {
  return {
    title: `关于${APP_NAME}`,
    message: `${APP_NAME} ${version}`,
    detail: '政府信息公开前的离线保密审查工具。\n在本机审查，文件和审查记录不离开本机。',
  };
}
