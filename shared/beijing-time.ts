// Timestamps are stored as UTC ISO strings; what people read shows Beijing time (UTC+8, no daylight
// saving), so a printed record or a verification report reads the same on any machine.
export function beijingTime(iso: string | undefined, withTime = true): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return withTime ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : s.slice(0, 10);
}
