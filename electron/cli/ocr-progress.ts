// On a terminal, a long OCR shows how far it has got and an estimate of what is left, on one line
// that is rewritten page by page (standard error: the report itself goes to standard output).
import { baseName } from '../ingest/file-name';
import type { OcrProgress } from '../ingest/ocr/ocr-options';

export function ocrProgressPrinter(out: NodeJS.WriteStream): (path: string, progress: OcrProgress) => void {
  const started = new Map<string, number>();
  return (path, { done, total }) => {
    const now = performance.now();
    if (!started.has(path)) started.set(path, now);
    // Measured from the first page read, so the estimate waits for the second.
    const perPage = done > 1 ? (now - started.get(path)!) / (done - 1) : 0;
    const left = Math.round(((total - done) * perPage) / 1000);
    const estimate = done < total && done > 1 ? `，预计还需 ${left} 秒` : '';
    out.write(`\r正在识别「${baseName(path)}」的图片和扫描页：${done}/${total}${estimate}\x1b[K${done >= total ? '\n' : ''}`);
    if (done >= total) started.delete(path);
  };
}
