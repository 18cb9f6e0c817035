// What a reader needs to read text a person would read in pictures: the OCR engine, a limit on how
// many images (pages) one file may send to it, the resolution pages are rendered at, and progress.
import type { ExtractWarning, Region, TextBlock } from '../../../shared/document-model';
import { LOW_CONFIDENCE, type OcrEngine, type OcrResult } from './ocr-engine';

export interface OcrProgress {
  /** Images (pages) read so far in this file, and how many are to be read. */
  readonly done: number;
  readonly total: number;
}

export interface OcrOptions {
  readonly engine: OcrEngine;
  /** Most images (scanned pages, pictures) read by OCR in one file; the rest get a warning. */
  readonly maxImages?: number;
  /** Resolution scanned PDF pages are rendered at for OCR. */
  readonly dpi?: number;
  readonly onProgress?: (progress: OcrProgress) => void;
}

export const DEFAULT_MAX_OCR_IMAGES = 100;
export const DEFAULT_OCR_DPI = 150;
/** Pictures smaller than this (pixels at the OCR resolution) are rules, bullets and logos, not text. */
export const MIN_PICTURE = { width: 100, height: 40 };
/** A picture read with less confidence than this holds no text worth reading (a photograph). */
export const PICTURE_NOISE = 40;

/** Counts a file's images against its limit and reports progress. */
export class OcrBudget {
  private done = 0;
  private refused = 0;

  constructor(
    readonly options: OcrOptions,
    private readonly total: number,
  ) {}

  get dpi(): number {
    return this.options.dpi ?? DEFAULT_OCR_DPI;
  }

  /** Reads one image if the limit allows; undefined when it does not (counted for the warning). */
  async read(image: Uint8Array): Promise<OcrResult | undefined> {
    if (this.done >= (this.options.maxImages ?? DEFAULT_MAX_OCR_IMAGES)) {
      this.refused++;
      return undefined;
    }
    const result = await this.options.engine.recognize(image);
    this.done++;
    this.options.onProgress?.({ done: this.done, total: Math.min(this.total, this.options.maxImages ?? DEFAULT_MAX_OCR_IMAGES) });
    return result;
  }

  /** The warning for images left unread by the limit, if any. */
  limitWarning(fileName: string): ExtractWarning | undefined {
    if (this.refused === 0) return undefined;
    const max = this.options.maxImages ?? DEFAULT_MAX_OCR_IMAGES;
    return {
      code: 'ocr-limit',
      message: `「${fileName}」需要 OCR 识别的图片或扫描页共 ${this.done + this.refused} 处，已识别前 ${max} 处，其余 ${this.refused} 处未识别，须人工审查。`,
    };
  }
}

/** An OCR result as a block of part `ocr`, its regions moved and scaled into the page's units. */
export function ocrBlock(
  result: OcrResult,
  where: { page?: number; label: string; paragraph: number },
  place: { scale: number; dx: number; dy: number } = { scale: 1, dx: 0, dy: 0 },
): TextBlock {
  const regions: Region[] = result.regions.map((r) => ({
    start: r.start,
    end: r.end,
    box: { x: r.box.x / place.scale + place.dx, y: r.box.y / place.scale + place.dy, width: r.box.width / place.scale, height: r.box.height / place.scale },
  }));
  return { part: 'ocr', text: result.text, paragraph: where.paragraph, label: where.label, ...(where.page ? { page: where.page } : {}), regions };
}

/**
 * A scanned page OCR was not sure of (or read nothing on): the page is not reliably reviewed, and
 * its warning keeps the file from passing.
 */
export function pageConfidenceWarning(result: OcrResult, page: number): ExtractWarning | undefined {
  if (result.text.trim() !== '' && result.confidence >= LOW_CONFIDENCE) return undefined;
  return {
    code: 'ocr-low-confidence',
    page,
    message: `第${page}页的 OCR 识别置信度低（${Math.round(result.confidence)}%），识别结果可能不完整或有误，须人工核对。`,
  };
}

/**
 * A picture: below PICTURE_NOISE its "text" is the noise of a photograph and is dropped; between
 * that and LOW_CONFIDENCE it is kept, with a note to compare it with the picture (a note, not a
 * warning that stops the file: most pictures in published documents are photographs and logos).
 */
export function readPicture(result: OcrResult, where: string, page?: number): { result?: OcrResult; warning?: ExtractWarning } {
  if (result.text.trim() === '' || result.confidence < PICTURE_NOISE) return {};
  if (result.confidence >= LOW_CONFIDENCE) return { result };
  return {
    result,
    warning: {
      code: 'ocr-picture-uncertain',
      ...(page ? { page } : {}),
      message: `${where}中的文字 OCR 识别置信度不高（${Math.round(result.confidence)}%），请对照图片核对。`,
    },
  };
}
