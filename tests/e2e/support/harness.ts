// One end-to-end session: a fresh database in a temp folder with the users of a division and the
// office, the real review service and API handlers, and the built window in Debian's Chromium.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openAppPage } from './app-page';
import { createApiHandlers } from '../../../electron/app/api-handlers';
import { loadDictionarySet } from '../../../electron/review/dictionary-files';
import { RecordsService } from '../../../electron/review/records-service';
import { createReviewer } from '../../../electron/review/reviewer';
import { ensureRendererBuilt, PROJECT_ROOT } from './build-renderer';
import { installBridge, type BridgeLog } from './install-bridge';
import { serveRenderer } from './serve-renderer';

/** The review corpus: the `shared/corpus` folder beside the project. */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
export const SCREENSHOTS = join(PROJECT_ROOT, 'test-output', 'e2e');

export const USERS = {
  drafter: { username: 'zhangsan', password: 'zhangsan-2024', displayName: '张三', division: '综合处' },
  divisionHead: { username: 'lisi', password: 'lisi-2024-ok', displayName: '李四', division: '综合处' },
  officeReviewer: { username: 'wangwu', password: 'wangwu-2024', displayName: '王五', division: '办公室' },
  secondDrafter: { username: 'zhaoliu', password: 'zhaoliu-2024', displayName: '赵六', division: '综合处' },
} as const;

/** The administrator every session's database starts with. */
export const ADMIN = { username: 'admin', password: 'admin-2024-pass', displayName: '系统管理员', division: '办公室' } as const;

export interface Harness {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly service: RecordsService;
  readonly bridgeLog: BridgeLog;
  readonly refusedRequests: string[];
  readonly pageErrors: string[];
  readonly pdfDir: string;
  close(): Promise<void>;
}

/** `ocr`: the service reads scanned pages and pictures by OCR, as the app's does. */
export async function startHarness(options: { ocr?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Harness> {
  ensureRendererBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'mishen-e2e-'));
  const pdfDir = join(dir, 'pdf');
  mkdirSync(pdfDir);
  const reviewer = createReviewer([], undefined, { ocr: options.ocr === true });
  const service = RecordsService.open(join(dir, 'e2e.db'), reviewer);
  const admin = service.bootstrapAdmin(ADMIN.username, ADMIN.displayName, ADMIN.password);
  service.createUser(admin, { ...USERS.drafter, role: 'drafter' });
  service.createUser(admin, { ...USERS.divisionHead, role: 'division-head' });
  service.createUser(admin, { ...USERS.officeReviewer, role: 'office-reviewer' });
  service.createUser(admin, { ...USERS.secondDrafter, role: 'drafter' });

  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
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
  const api = createApiHandlers({ service, dictionaryEntries: () => [...loadDictionarySet().entries], savePdf });
  const bridgeLog = await installBridge(context, api);
  const { page, pageErrors } = await openAppPage(context, 15_000);

  return {
    browser,
    context,
    page,
    service,
    bridgeLog,
    refusedRequests: refused,
    pageErrors,
    pdfDir,
    async close() {
      await browser.close().catch(() => undefined);
      service.close();
      await reviewer.close?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
