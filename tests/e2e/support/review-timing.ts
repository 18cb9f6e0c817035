// The time from the click that opens a review to its first page drawn with the selected finding
// boxed, taken in the page (performance.now(), so no Playwright round trip is counted), and split
// into its steps: the window's marks (renderer/src/perf-marks.ts) and each bridge call's round trip
// with the service's share of it (the test process logs that) and the transport's (the rest).
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { BridgeLog, PageCallTiming } from './install-bridge';

/** What the probe uses of the page's window (this file is compiled for Node, without the DOM's types). */
interface PageWindow {
  readonly document: {
    querySelector(selector: string): { getAttribute(name: string): string | null } | null;
    addEventListener(type: 'click', listener: (e: { timeStamp: number }) => void, options: object): void;
  };
  requestAnimationFrame(callback: () => void): void;
  readonly __mishenCalls: PageCallTiming[];
  __reviewTiming: { clicked?: number; ready?: number };
  __reviewBusy: { start: number; ms: number }[];
}

interface PageTiming {
  readonly clicked?: number;
  readonly ready?: number;
  readonly marks: readonly { name: string; at: number }[];
  readonly calls: readonly PageCallTiming[];
  readonly busy: readonly { start: number; ms: number }[];
  readonly fetched: readonly { name: string; start: number; ms: number }[];
}

export interface ReviewTiming {
  /** Click to ready, in the page (ms). */
  readonly readyMs: number;
  /** The steps, one line each, for the test's output. */
  readonly lines: readonly string[];
}

/** Before the click: forget earlier marks and calls, and watch for the click and then for ready. */
export async function armReviewTiming(page: Page, log: BridgeLog, traceTo?: string): Promise<() => Promise<ReviewTiming>> {
  const firstCall = log.calls.length;
  // MISHEN_E2E_TRACE=1: Chromium's performance trace of the open too (load it in DevTools' Performance panel).
  const browser = traceTo && process.env.MISHEN_E2E_TRACE ? page.context().browser() : null;
  await browser?.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing'] });
  await page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    const document = w.document;
    performance.clearMarks();
    w.__mishenCalls.length = 0;
    const timing: { clicked?: number; ready?: number } = {};
    w.__reviewTiming = timing;
    // The click's own time stamp: when the input came in, before any handler ran.
    // The window's main thread busy (tasks of 50 ms and more), and what it fetched from the app's files.
    const busy: { start: number; ms: number }[] = [];
    w.__reviewBusy = busy;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) busy.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask' as 'mark' });
    performance.clearResourceTimings();
    document.addEventListener('click', (e) => (timing.clicked ??= e.timeStamp), { capture: true, once: true });
    const ready = () => {
      const drawn = document.querySelector('[data-testid="document-pane"] [data-testid="pdf-page"][data-rendered="true"]');
      const selected = document.querySelector('.finding-item.selected')?.getAttribute('data-finding-id');
      return drawn && selected && document.querySelector(`[data-testid="document-pane"] [data-finding-ids~="${selected}"]`);
    };
    const watch = () => {
      if (timing.clicked !== undefined && ready()) timing.ready = performance.now();
      else w.requestAnimationFrame(watch);
    };
    w.requestAnimationFrame(watch);
  });
  return async () => {
    await page.waitForFunction(() => (globalThis as unknown as PageWindow).__reviewTiming.ready !== undefined);
    if (browser) writeFileSync(traceTo!, await browser.stopTracing());
    const t = await page.evaluate(
      (): PageTiming => ({
        ...(globalThis as unknown as PageWindow).__reviewTiming,
        marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('mishen:')).map((m) => ({ name: m.name.slice('mishen:'.length), at: m.startTime })),
        calls: [...(globalThis as unknown as PageWindow).__mishenCalls],
        busy: [...(globalThis as unknown as PageWindow).__reviewBusy],
        fetched: performance.getEntriesByType('resource').map((r) => ({ name: r.name.replace(/^.*\//, ''), start: r.startTime, ms: r.duration })),
      }),
    );
    const t0 = t.clicked!;
    const at = (ms: number) => `${Math.round(ms - t0)}`.padStart(5);
    const service = log.calls.slice(firstCall);
    const lines = [
      ...t.marks.filter((m) => m.at <= t.ready! + 1).map((m) => `${at(m.at)} ms  mark ${m.name}`),
      ...t.calls
        .filter((c) => c.started <= t.ready!)
        .map((c) => {
          const s = service.find((x) => x.channel === c.channel);
          if (s) service.splice(service.indexOf(s), 1);
          const trip = c.arrived - c.started;
          const transport = s ? trip - s.ms - (s.encodeMs ?? 0) : NaN;
          return `${at(c.started)} ms  call ${c.channel}: ${Math.round(trip)} ms round trip = service ${s?.ms ?? '?'} + encode ${s?.encodeMs ?? '?'} + transport ${Math.round(transport)}; decode ${Math.round(c.decoded - c.arrived)} ms; ${(c.chars / 1024).toFixed(0)} KiB`;
        }),
      ...t.busy.filter((b) => b.start <= t.ready!).map((b) => `${at(b.start)} ms  main thread busy ${Math.round(b.ms)} ms`),
      ...t.fetched.filter((f) => f.start <= t.ready!).map((f) => `${at(f.start)} ms  fetch ${f.name}: ${Math.round(f.ms)} ms`),
      `${at(t.ready!)} ms  ready (first page drawn, selected finding boxed)`,
    ].sort((a, b) => Number(a.trim().split(' ')[0]) - Number(b.trim().split(' ')[0]));
    return { readyMs: Math.round(t.ready! - t0), lines };
  };
}

/**
 * The bridge's own cost with the window idle: the review's three calls made again one at a time,
 * each round trip less the service's time (and its encoding), which Electron's IPC would not pay as such.
 */
export async function idleTransport(page: Page, log: BridgeLog, documentId: string, versionId: string): Promise<string> {
  const out: string[] = [];
  for (const [channel, arg] of [['documents/get', documentId], ['documents/model', versionId], ['documents/content', versionId]] as const) {
    const first = log.calls.length;
    const trip = await page.evaluate(
      async ([c, a]) => {
        const bridge = (globalThis as unknown as { mishen: Record<string, (x: string) => Promise<unknown>> }).mishen;
        const started = performance.now();
        await bridge[c](a);
        return performance.now() - started;
      },
      [channel, arg] as const,
    );
    const s = log.calls[first];
    out.push(`${channel} ${Math.round(trip - s.ms - (s.encodeMs ?? 0))} ms (round trip ${Math.round(trip)}, service ${s.ms}, encode ${s.encodeMs})`);
  }
  return out.join('; ');
}
