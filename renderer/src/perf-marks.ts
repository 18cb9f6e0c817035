// Named moments of opening a review (performance.mark, "mishen:…"), so the time from the click to
// the first page can be split into its steps: in Chromium's performance panel, and by the timing
// test. A mark costs next to nothing; where the API is missing (tests without it) nothing happens.
export function perfMark(name: string): void {
  globalThis.performance?.mark?.(`mishen:${name}`);
}
