// The canonical content of a record row: its fields in the kind's fixed order, each normalised to
// a JSON value (so that a row read back from SQLite, or later from PostgreSQL, gives the same text),
// secrets and large contents replaced by their SHA-256. The audit entry that binds a row carries
// these values (`details.record`) and their hash (`record_hash`); verification recomputes both
// from the row as it is now and names the fields that differ.
import { createHash } from 'node:crypto';
import type { FieldSpec, RecordKind } from './record-kinds';

/** A row as a database driver returns it. */
export type RowValue = string | number | bigint | boolean | null | undefined | Uint8Array;
export type Row = Readonly<Record<string, RowValue>>;

/** The canonical values of a row, by column; what the audit entry records. */
export type RecordedValues = Readonly<Record<string, string | number | boolean | null>>;

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

function normalise(field: FieldSpec, value: RowValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'int':
      return Number(value);
    case 'bool':
      return value === true || Number(value) === 1;
    case 'digest':
      return sha256Hex(typeof value === 'string' || value instanceof Uint8Array ? value : String(value));
    case 'derived':
      return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : String(value);
    default:
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : String(value);
  }
}

export function recordedValues(kind: RecordKind, row: Row): RecordedValues {
  return Object.fromEntries(kind.fields.map((field) => [field.column, normalise(field, row[field.column])]));
}

/** The text the record hash is taken over: the kind's name, then every value in field order. */
export function canonicalText(kind: RecordKind, values: RecordedValues, omit?: string): string {
  return JSON.stringify([kind.name, kind.fields.filter((x) => x.column !== omit).map((x) => values[x.column] ?? null)]);
}

export function recordHash(kind: RecordKind, values: RecordedValues): string {
  return sha256Hex(canonicalText(kind, values));
}

/** The fields whose value now differs from what the audit entry recorded. */
export function changedFields(kind: RecordKind, recorded: RecordedValues | undefined, current: RecordedValues): FieldSpec[] {
  if (!recorded) return [];
  return kind.fields.filter((x) => (recorded[x.column] ?? null) !== (current[x.column] ?? null));
}

/** A finding row as stored: its place in the scan and its full JSON. */
export interface FindingRow {
  readonly id: string;
  readonly seq: number;
  readonly json: string;
  readonly category: string;
  readonly kind: string | null;
  readonly severity: string;
  readonly match: string;
  readonly part: string;
  readonly rule_id: string;
}

/** The findings of a scan, in order, as one digest (and their count): part of the scan's record. */
export function findingsDigest(findings: Iterable<FindingRow>): { finding_count: number; findings_digest: string } {
  const hash = createHash('sha256');
  let count = 0;
  for (const x of findings) {
    hash.update(JSON.stringify([x.id, Number(x.seq), x.category, x.kind ?? null, x.severity, x.match, x.part, x.rule_id, x.json])).update('\n');
    count++;
  }
  return { finding_count: count, findings_digest: hash.digest('hex') };
}

/** The newest audit entry that bound a row: what the row must still match. */
export interface Binding {
  readonly seq: number;
  readonly action: string;
  readonly actor: string;
  readonly at: string;
  /** The record hash the entry recorded. */
  readonly hash: string;
  /** The entry's details (JSON text), holding the recorded values under `record`. */
  readonly details: string;
}

export type RecordCheck = { readonly ok: true } | { readonly ok: false; readonly missingEntry: true } | { readonly ok: false; readonly changed: readonly FieldSpec[] };

export function recordedBy(binding: Binding): RecordedValues | undefined {
  try {
    return (JSON.parse(binding.details) as { record?: RecordedValues }).record;
  } catch {
    return undefined;
  }
}

/** A row's current values against its latest binding entry. */
export function checkAgainstBinding(kind: RecordKind, values: RecordedValues, binding: Binding | undefined): RecordCheck {
  if (!binding) return { ok: false, missingEntry: true };
  if (binding.hash === recordHash(kind, values)) return { ok: true };
  return { ok: false, changed: changedFields(kind, recordedBy(binding), values) };
}

/** 「意见、签批人姓名被改动」 */
export function changedText(changed: readonly FieldSpec[]): string {
  return changed.length > 0 ? `${changed.map((x) => x.label).join('、')}被改动` : '内容被改动';
}
