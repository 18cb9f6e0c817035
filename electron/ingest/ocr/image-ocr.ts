// OCR of pictures carried in a package (Word's word/media, a workbook's xl/media, an OFD's Res) and of
// image files given directly. Formats tesseract reads are read; others (EMF, WMF, SVG) are named in a
// warning so that a person looks at them.
import type { ExtractWarning, TextBlock } from '../../../shared/document-model';
import { ocrBlock, readPicture, type OcrBudget } from './ocr-options';

const READABLE = /\.(png|jpe?g|bmp|gif|tiff?|webp)$/i;

export interface PackagedImage {
  readonly name: string;
  /** Its path in the package, when `name` is not (OFD names pictures by page); kept as the block's `source`. */
  readonly path?: string;
  readonly bytes: () => Promise<Uint8Array | undefined>;
}

export interface ImagesOcr {
  readonly blocks: TextBlock[];
  readonly warnings: ExtractWarning[];
  /** Pictures that could not be read by OCR (format, limit): a person must look at them. */
  readonly unread: string[];
}

export async function ocrImages(images: readonly PackagedImage[], budget: OcrBudget): Promise<ImagesOcr> {
  const out: ImagesOcr = { blocks: [], warnings: [], unread: [] };
  for (const image of images) {
    const short = image.name.slice(image.name.lastIndexOf('/') + 1);
    if (!READABLE.test(short)) {
      out.unread.push(short);
      continue;
    }
    const bytes = await image.bytes();
    const result = bytes && (await budget.read(bytes).catch(() => undefined));
    if (!result) {
      out.unread.push(short);
      continue;
    }
    const label = `图片「${short}」`;
    const read = readPicture(result, label);
    if (read.warning) out.warnings.push(read.warning);
    if (read.result) out.blocks.push({ ...ocrBlock(read.result, { label, paragraph: out.blocks.length }), source: image.path ?? image.name });
  }
  return out;
}

/** Image signatures: the bytes decide, not the name. */
export function imageKind(bytes: Uint8Array): string | null {
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'PNG';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'JPEG';
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0x00) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0x00 && b[3] === 0x2a)) return 'TIFF';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'GIF';
  return null;
}
