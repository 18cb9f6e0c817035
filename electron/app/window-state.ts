// The window opens where the user left it: size, position and maximised state are kept in a small
// JSON file in userData. The file is checked (it may be damaged or hand-edited), and a position on a
// screen that is no longer attached (a laptop undocked) is moved back onto one that is.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 960, height: 640 } as const;
/** How much of the title bar must be on a screen for the saved position to count as visible. */
const MIN_VISIBLE = { width: 160, height: 48 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(1).max(100_000);
const stateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: size, height: size }),
  maximized: z.boolean(),
});

/** The saved state, or undefined when there is none or it is not valid (the window then opens centred). */
export function loadWindowState(file: string): WindowState | undefined {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temp file and renamed, so a crash mid-write leaves the old state, not half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
  renameSync(tmp, file);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

function centred(area: Rect, width: number, height: number): Rect {
  return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height };
}

/**
 * Where the window goes, given the saved state and the work areas of the attached displays (primary
 * first). It keeps the saved bounds when they are visible on a display, shrunk and moved to fit
 * that display entirely; otherwise it opens at the default size centred on the primary display.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return saved ?? { bounds: { x: 0, y: 0, ...DEFAULT_SIZE }, maximized: false };
  const fit = (area: Rect, width: number, height: number) => ({
    width: clamp(width, Math.min(MIN_SIZE.width, area.width), area.width),
    height: clamp(height, Math.min(MIN_SIZE.height, area.height), area.height),
  });

  if (saved) {
    const best = workAreas
      .map((area) => ({ area, visible: overlap(saved.bounds, area) }))
      .filter((c) => c.visible.width >= MIN_VISIBLE.width && c.visible.height >= MIN_VISIBLE.height)
      .sort((a, b) => b.visible.width * b.visible.height - a.visible.width * a.visible.height)[0];
    if (best) {
      const { area } = best;
      const { width, height } = fit(area, saved.bounds.width, saved.bounds.height);
      return {
        bounds: { x: clamp(saved.bounds.x, area.x, area.x + area.width - width), y: clamp(saved.bounds.y, area.y, area.y + area.height - height), width, height },
        maximized: saved.maximized,
      };
    }
  }
  const { width, height } = fit(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height);
  return { bounds: centred(primary, width, height), maximized: saved?.maximized ?? false };
}
