// The hash that names a dictionary version: SHA-256 (node:crypto) of the set's canonical JSON, so
// equal content has equal hashes whatever file or line it was read from.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/dictionary/serialize';
import type { DictionarySet } from '../../shared/dictionary/types';

export function canonicalHash(set: DictionarySet): string {
  return createHash('sha256').update(canonicalJson(set), 'utf8').digest('hex');
}
