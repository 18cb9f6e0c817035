// What the window shows a document from (RecordsService.documentModel / documentContent): the model
// its latest scan kept (checked against its audit entry first, as any record relied on), and the
// file's bytes or one picture in it. A scan recorded before models were kept, or a model changed
// behind the application's back, is shown from the stored file instead, read again here, with a
// warning saying so.
import type { DocumentModel } from '../../shared/api-contract';
import type { ExtractedDocument } from '../../shared/document-model';
import { ServiceError } from '../../shared/records';
import { BoundedZip, DEFAULT_MAX_UNCOMPRESSED_BYTES } from '../ingest/docx/zip';
import { readDocumentBytes } from '../ingest/read-document';
import type { Db } from '../store/connection';
import { readLatestDocumentModel } from '../store/document-models-repo';
import { checkRecord } from '../store/record-binding';

/** Pictures a package may hold that the window can show (OCR read them). */
const PICTURE = /\.(png|jpe?g|gif|bmp|tiff?|webp)$/i;

/**
 * What of a read document is kept with its scan for the window (store/document-models-repo.ts):
 * everything the readers produced, except where each text piece of a PDF page stands — pdf.js draws
 * the page in the window, and a finding carries its own box. OFD pages keep their pieces: the window
 * places their text itself.
 */
export function storedModelOf(doc: ExtractedDocument): ExtractedDocument {
  if (doc.format === 'ofd') return doc;
  return { ...doc, blocks: doc.blocks.map(({ regions: _regions, ...block }) => block) };
}

/** `file`: the version's stored file (the caller has checked the actor may see it). */
export async function documentModel(db: Db, versionId: string, file: { readonly fileName: string; readonly bytes: Uint8Array }): Promise<DocumentModel> {
  const stored = readLatestDocumentModel(db, versionId);
  if (stored) {
    const check = checkRecord(db, 'document-model', stored.scanId);
    if (check?.ok) return { versionId, ...stored.model };
  }
  const outcome = await readDocumentBytes(new Uint8Array(file.bytes), file.fileName);
  if (!outcome.result.ok) throw new ServiceError('unreadable-file', outcome.result.error.message);
  const model = storedModelOf(outcome.result.document);
  const note = stored
    ? { code: 'model-tampered', message: '该版本保存的文稿结构与审计记录不符（被改动），以下按原文件重新读取显示；请系统管理员运行「校验审计日志」检查。' }
    : undefined;
  return { versionId, ...model, warnings: note ? [note, ...model.warnings] : model.warnings };
}

/** The picture at `source` inside a package's bytes (a Word, Excel or OFD file). */
export async function versionPicture(bytes: Uint8Array, source: string): Promise<Uint8Array> {
  if (!PICTURE.test(source)) throw new ServiceError('invalid', `「${source}」不是图片。`);
  const picture = await (await BoundedZip.open(bytes, DEFAULT_MAX_UNCOMPRESSED_BYTES)).bytes(source).catch(() => undefined);
  if (!picture) throw new ServiceError('not-found', `文件中没有图片「${source}」。`);
  return picture;
}
