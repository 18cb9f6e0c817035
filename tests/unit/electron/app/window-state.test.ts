import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, loadWindowState, placeWindow, saveWindowState, type Rect } from '../../../../electron/app/window-state';

const dir = mkdtempSync(join(tmpdir(), 'mishen-window-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state file', () => {
  it('saves and loads', () => {
    const file = join(dir, 'state.json');
    const state = { bounds: { x: 100, y: 50, width: 1400, height: 900 }, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it.each([
    ['missing', undefined],
    ['not JSON', '{bounds'],
    ['wrong shape', JSON.stringify({ bounds: { x: 'a', y: 0, width: 1, height: 1 }, maximized: false })],
    ['absurd size', JSON.stringify({ bounds: { x: 0, y: 0, width: 1e9, height: 800 }, maximized: false })],
    ['fractional', JSON.stringify({ bounds: { x: 0.5, y: 0, width: 800, height: 800 }, maximized: false })],
    ['no maximized', JSON.stringify({ bounds: { x: 0, y: 0, width: 800, height: 800 } })],
  ])('ignores a %s file', (label, content) => {
    const file = join(dir, `bad-${label}.json`);
    if (content !== undefined) writeFileSync(file, content);
    expect(loadWindowState(file)).toBeUndefined();
  });
});

describe('placing the window', () => {
  it('opens centred at the default size the first time', () => {
    expect(placeWindow(undefined, [laptop])).toEqual({
      bounds: { x: (1920 - DEFAULT_SIZE.width) / 2, y: Math.round((1040 - DEFAULT_SIZE.height) / 2), ...DEFAULT_SIZE },
      maximized: false,
    });
  });

  it('keeps a visible position as saved', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1500, height: 1000 }, maximized: false };
    expect(placeWindow(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('moves a window from a monitor that is gone back onto the primary display', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1500, height: 1000 }, maximized: true };
    const placed = placeWindow(saved, [laptop]);
    expect(placed.maximized).toBe(true);
    expect(placed.bounds.x).toBeGreaterThanOrEqual(0);
    expect(placed.bounds.x + placed.bounds.width).toBeLessThanOrEqual(1920);
  });

  it('pulls a half-visible window fully onto its display and shrinks it to fit', () => {
    const placed = placeWindow({ bounds: { x: 1500, y: -20, width: 2400, height: 1300 }, maximized: false }, [laptop]);
    expect(placed.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('does not count a sliver of title bar as visible', () => {
    const placed = placeWindow({ bounds: { x: 1900, y: 500, width: 1000, height: 700 }, maximized: false }, [laptop]);
    // 20 pixels of it on screen: opened afresh, centred at the default size.
    expect(placed.bounds).toMatchObject({ x: (1920 - DEFAULT_SIZE.width) / 2, ...DEFAULT_SIZE });
  });

  it('keeps the minimum size where the display allows it, and fits a small display', () => {
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 300, height: 200 }, maximized: false }, [laptop]).bounds).toMatchObject(MIN_SIZE);
    const small: Rect = { x: 0, y: 0, width: 800, height: 600 };
    expect(placeWindow(undefined, [small]).bounds).toEqual({ x: 0, y: 0, width: 800, height: 600 });
  });

  it('picks the display that shows most of the window', () => {
    const placed = placeWindow({ bounds: { x: 1800, y: 0, width: 1000, height: 800 }, maximized: false }, [laptop, rightMonitor]);
    expect(placed.bounds.x).toBe(1920);
  });
});
