import type { TextBlock } from '../../../shared/document-model';
import type { DictionarySet } from '../../../shared/dictionary/types';
import type { Finding, Verdict } from '../../../shared/findings';

export type TesterRequest =
  | { readonly type: 'set'; readonly revision: number; readonly set: DictionarySet }
  | { readonly type: 'review'; readonly id: number; readonly blocks: readonly TextBlock[]; readonly texts: readonly string[]; readonly segments: readonly (readonly string[])[] };

export type TesterReply =
  | { readonly type: 'compiled'; readonly revision: number; readonly ms: number }
  | { readonly type: 'compile-error'; readonly revision: number; readonly message: string }
  | { readonly type: 'review'; readonly id: number; readonly revision: number; readonly findings: Finding[]; readonly verdict: Verdict; readonly ms: number }
  | { readonly type: 'review-error'; readonly id: number; readonly message: string };

export interface TesterResult {
  readonly findings: readonly Finding[];
  readonly verdict: Verdict;
  readonly ms: number;
  /** The set revision the findings were made with. */
  readonly revision: number;
}
