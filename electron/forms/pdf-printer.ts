// Prints a self-contained HTML page (审查单, 登记簿) to PDF with the system's Chromium through
// playwright-core. No browser is downloaded: the machine is offline, so we use Debian's package.
import { accessSync, constants } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';

const NO_CHROMIUM = '未找到 Chromium 浏览器，无法生成 PDF；可先导出 HTML 再用浏览器打印';

/** Flags for an offline, headless Chromium: no network chatter, no updates, no sandbox (runs as a service user). */
export const OFFLINE_CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `CHROMIUM_PATH`, else what `which chromium` would find, else Debian's /usr/bin/chromium. */
export function findChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH?.trim();
  if (configured) return executable(configured) ? configured : undefined;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser']) {
    for (const dir of dirs) if (executable(join(dir, name))) return join(dir, name);
  }
  return executable('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export async function printHtmlToPdf(html: string, outFile: string): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  // Loaded only when printing, so the CLI and the window start without it.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: OFFLINE_CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The HTML has no external resources; 'load' is enough for fonts and layout to settle.
    await page.setContent(html, { waitUntil: 'load' });
    await mkdir(dirname(outFile), { recursive: true });
    await page.pdf({ path: outFile, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
