// Says in words which normalisations turned the text as written into what matched, so that a
// reviewer sees why 「機 密」 counted as 机密.
import { FOLD_REMOVED, FOLD_SPACE, foldTable } from './fold-table';

const STAR = 0x2605;

export function describeFolding(original: string): string[] {
  const fold = foldTable();
  const seen = new Set<string>();
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    const f = fold[c];
    if (f === FOLD_SPACE) seen.add('去除字间空白或换行');
    else if (f === c) continue;
    else if (f === FOLD_REMOVED) seen.add('去除不可见字符');
    else if (f === STAR) seen.add('星号变体统一为★');
    else if (c >= 0xff01 && c <= 0xff5e) seen.add('全角转半角');
    else if (c >= 0x41 && c <= 0x5a) seen.add('大小写统一');
    else if (c >= 0x3400) seen.add('繁体转简体');
    else seen.add('标点变体统一');
  }
  return [...seen];
}
