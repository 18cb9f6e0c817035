// Chromium and the window's page, the same for every end-to-end session: Debian's Chromium with
// the flags this offline machine needs, and a page whose script errors fail the run loudly
// instead of showing up later as timeouts.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { APP_ORIGIN } from './serve-renderer';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export async function openAppPage(context: BrowserContext, timeoutMs: number): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => {
    pageErrors.push(e.message);
    process.stderr.write(`[window error] ${e.message}\n`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') process.stderr.write(`[window console] ${m.text()}\n`);
  });
  await page.goto(`${APP_ORIGIN}/index.html`);
  return { page, pageErrors };
}
