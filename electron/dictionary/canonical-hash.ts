// The one hash that names a dictionary set: SHA-256 (node:crypto) of its canonical JSON, so equal
// content has equal hashes whatever file or line it was read from. Versions are named by it, scans
// record it, packages carry it. Fed entry by entry: never one string of the whole set.
import { createHash } from 'node:crypto';
import { canonicalJsonParts } from '../../shared/dictionary/serialize';
import type { DictionarySet } from '../../shared/dictionary/types';

export function canonicalHash(set: DictionarySet): string {
  const hash = createHash('sha256');
  for (const part of canonicalJsonParts(set)) hash.update(part, 'utf8');
  return hash.digest('hex');
}
