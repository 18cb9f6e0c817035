// The record of the open document asked for again (every open does, to be current) is usually the
// same as the one shown. Keeping the shown findings when nothing in them changed keeps their
// identity, so the list, the pages and the strip are not laid out again for an equal copy.
import type { DocumentDetail, StoredFinding } from '../../../../shared/records';

const sameFinding = (a: StoredFinding, b: StoredFinding): boolean => a.id === b.id && JSON.stringify(a.disposition) === JSON.stringify(b.disposition);

export function keepUnchanged(shown: DocumentDetail, fetched: DocumentDetail): DocumentDetail {
  const a = shown.scan;
  const b = fetched.scan;
  if (a.id !== b.id || a.findings.length !== b.findings.length || !a.findings.every((f, i) => sameFinding(f, b.findings[i]))) return fetched;
  const scan = JSON.stringify({ ...a, findings: [] }) === JSON.stringify({ ...b, findings: [] }) ? a : { ...b, findings: a.findings };
  const same = scan === a && JSON.stringify({ ...shown, scan: undefined }) === JSON.stringify({ ...fetched, scan: undefined });
  return same ? shown : { ...fetched, scan };
}
