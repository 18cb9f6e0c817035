// One end-to-end session: a fresh database in a temp folder with the users of a division and the
// office (and whoever else a test needs), the services built as the app's service worker builds
// them (openServices: scans follow the database's active dictionary version), the real API
// handlers, and the built window in Debian's Chromium.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../../shared/records';
import { createApiHandlers } from '../../../electron/app/api-handlers';
import { createDesktopApi } from '../../../electron/app/desktop-api';
import { openServices, type Services } from '../../../electron/services/open-services';
import { launchChromium, openAppPage } from './app-page';
import { ensureRendererBuilt, PROJECT_ROOT } from './build-renderer';
import { installBridge, type BridgeLog } from './install-bridge';
import { serveRenderer } from './serve-renderer';

/** The review corpus: the `shared/corpus` folder beside the project. */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
export const SCREENSHOTS = join(PROJECT_ROOT, 'test-output', 'e2e');

export interface Person {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly division: string;
}

export const USERS = {
  drafter: { username: 'zhangsan', password: 'zhangsan-2024', displayName: '张三', division: '综合处' },
  divisionHead: { username: 'lisi', password: 'lisi-2024-ok', displayName: '李四', division: '综合处' },
  officeReviewer: { username: 'wangwu', password: 'wangwu-2024', displayName: '王五', division: '办公室' },
  secondDrafter: { username: 'zhaoliu', password: 'zhaoliu-2024', displayName: '赵六', division: '综合处' },
} as const;

/** The administrator every session's database starts with. */
export const ADMIN = { username: 'admin', password: 'admin-2024-pass', displayName: '系统管理员', division: '办公室' } as const;

export const OFFICER = { username: 'baomi', password: 'baomi-2024-ok', displayName: '钱七', division: '保密办' } as const;

/** The people of the review chain. */
export const CHAIN_PEOPLE: readonly (Person & { role: Role })[] = [
  { ...USERS.drafter, role: 'drafter' },
  { ...USERS.divisionHead, role: 'division-head' },
  { ...USERS.officeReviewer, role: 'office-reviewer' },
  { ...USERS.secondDrafter, role: 'drafter' },
];

export interface HarnessOptions {
  /** The users besides the administrator (default: the review chain). */
  readonly people?: readonly (Person & { role: Role })[];
  /** How long a page action may take. */
  readonly timeoutMs?: number;
  /** The service reads scanned pages and pictures by OCR, as the app's does. */
  readonly ocr?: boolean;
  /** The window's size (default 1440×900). */
  readonly viewport?: { readonly width: number; readonly height: number };
}

export interface Harness {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly services: Services;
  readonly bridgeLog: BridgeLog;
  readonly refusedRequests: string[];
  readonly pageErrors: string[];
  /** A folder of this session's own, for files a test makes. */
  readonly dir: string;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  ensureRendererBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'mishen-e2e-'));
  const pdfDir = join(dir, 'pdf');
  mkdirSync(pdfDir);
  mkdirSync(join(dir, 'user-data'));
  const services = openServices({ database: join(dir, 'e2e.db'), scan: { ocr: options.ocr === true } });
  const admin = services.records.bootstrapAdmin(ADMIN.username, ADMIN.displayName, ADMIN.password);
  for (const person of options.people ?? CHAIN_PEOPLE) services.records.createUser(admin, person);

  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const { refused } = await serveRenderer(context);

  // The app prints the 审查单 with Electron's printToPDF; here Chromium's own PDF printer stands in.
  const savePdf = async (html: string, suggestedName: string) => {
    const printer = await browser.newPage();
    try {
      await printer.setContent(html);
      const path = join(pdfDir, suggestedName);
      await printer.pdf({ path, format: 'A4', printBackground: true });
      return path;
    } finally {
      await printer.close();
    }
  };
  // The window's whole API as the app's service worker builds it: the records over the desktop's
  // settings (its own file here, the services opened above), and the desktop's own calls.
  const localFile = join(dir, 'e2e.db');
  const desktop = createDesktopApi({
    userData: join(dir, 'user-data'),
    localFile,
    open: (database) => (database === localFile ? services : openServices({ database })),
    handlers: (opened) => createApiHandlers({ services: opened, savePdf }),
  });
  const bridgeLog = await installBridge(context, desktop.api);
  const { page, pageErrors } = await openAppPage(context, options.timeoutMs ?? 15_000);

  return {
    browser,
    context,
    page,
    services,
    bridgeLog,
    refusedRequests: refused,
    pageErrors,
    dir,
    async close() {
      await browser.close().catch(() => undefined);
      services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

