// How far an import has got, in words and as a percentage, from what the service tells while the
// scan runs: pages read, pictures read by OCR, then the review and saving.
import type { ImportProgress } from '../../../shared/api-contract';

export function progressText(p: ImportProgress): string {
  switch (p.stage) {
    case 'reading':
      return '正在读取…';
    case 'pages':
      return `已读 ${p.done}/${p.total} 页`;
    case 'ocr':
      return `OCR 识别 ${p.done}/${p.total}`;
    case 'reviewing':
      return '正在逐条审查并保存…';
  }
}

/** Reading takes most of the time: pages and OCR fill up to 80 %, the review and saving the rest. */
export function progressPercent(p: ImportProgress): number {
  const part = p.total ? (p.done ?? 0) / p.total : 0;
  switch (p.stage) {
    case 'reading':
      return 5;
    case 'pages':
    case 'ocr':
      return Math.round(5 + part * 75);
    case 'reviewing':
      return 90;
  }
}
