// Chromium and the window's page, the same for every end-to-end session: Debian's Chromium with
// the flags this offline machine needs, and a page whose script errors fail the run loudly
// instead of showing up later as timeouts.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { OFFLINE_CHROMIUM_ARGS } from '../../../electron/forms/pdf-printer';
import { APP_ORIGIN } from './serve-renderer';

/** Debian's Chromium with the flags the app's own PDF printer uses on this offline machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: OFFLINE_CHROMIUM_ARGS });
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
