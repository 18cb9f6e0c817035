// An image file given directly (a photographed notice, a screenshot): its text is what OCR reads.
// Without OCR there is nothing to review, which is an error, not a clean report.
import type { ExtractResult } from '../../shared/document-model';
import { baseName } from './file-name';
import { ocrImages } from './ocr/image-ocr';
import { OcrBudget, type OcrOptions } from './ocr/ocr-options';

export async function readImage(bytes: Uint8Array, fileName: string, kind: string, ocr: OcrOptions | undefined): Promise<ExtractResult> {
  const name = baseName(fileName);
  if (!ocr) {
    return {
      ok: false,
      error: { code: 'unsupported', message: `无法审查「${name}」：这是 ${kind} 图片，其中的文字只能靠 OCR 识别，而 OCR 已关闭；请开启 OCR 或人工审查。` },
    };
  }
  const budget = new OcrBudget(ocr, 1);
  const read = await ocrImages([{ name: `${name}.${kind.toLowerCase()}`, bytes: async () => bytes }], budget);
  const warnings = [...read.warnings];
  if (read.unread.length > 0) {
    return { ok: false, error: { code: 'unreadable', message: `无法读取「${name}」：${kind} 图片无法解码，文件可能已损坏。` } };
  }
  warnings.push({ code: 'ocr-only', message: `「${name}」是图片，其中文字由 OCR 识别，识别结果可能有误，请对照原图核对。` });
  return { ok: true, document: { format: 'image', blocks: read.blocks.map(({ source: _whole, ...b }) => ({ ...b, label: `图片「${name}」` })), warnings } };
}
