// What the window shows a document from: the model its latest scan kept (checked against its audit
// entry first, as any record relied on), and the file's bytes or one picture in it. A scan recorded
// before models were kept, or a model changed behind the application's back, is shown from the
// stored file instead, read again here, with a warning saying so.
import type { DocumentModel } from '../../shared/api-contract';
import type { ExtractedDocument } from '../../shared/document-model';
import { ServiceError, type UserInfo } from '../../shared/records';
import { BoundedZip, DEFAULT_MAX_UNCOMPRESSED_BYTES } from '../ingest/docx/zip';
import { readDocumentBytes } from '../ingest/read-document';
import { readLatestDocumentModel } from '../store/document-models-repo';
import { findVersion } from '../store/documents-repo';
import { checkRecord } from '../store/record-binding';
import type { RecordsService } from './records-service';
import { storedModelOf } from './stored-model';

/** Pictures a package may hold that the window can show (OCR read them). */
const PICTURE = /\.(png|jpe?g|gif|bmp|tiff?|webp)$/i;

export async function documentModel(service: RecordsService, actor: UserInfo, versionId: string): Promise<DocumentModel> {
  const bytes = service.versionContent(actor, versionId);
  const stored = readLatestDocumentModel(service.db, versionId);
  if (stored) {
    const check = checkRecord(service.db, 'document-model', stored.scanId);
    if (check?.ok) return { versionId, ...stored.model };
  }
  const version = findVersion(service.db, versionId)!;
  const outcome = await readDocumentBytes(bytes, version.fileName);
  if (!outcome.result.ok) throw new ServiceError('unreadable-file', outcome.result.error.message);
  const model: ExtractedDocument = storedModelOf(outcome.result.document);
  const note = stored
    ? { code: 'model-tampered', message: '该版本保存的文稿结构与审计记录不符（被改动），以下按原文件重新读取显示；请系统管理员运行「校验审计日志」检查。' }
    : undefined;
  return { versionId, ...model, warnings: note ? [note, ...model.warnings] : model.warnings };
}

/** The reviewed file, or the picture at `source` inside it (a Word, Excel or OFD package). */
export async function documentContent(service: RecordsService, actor: UserInfo, versionId: string, source?: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(service.versionContent(actor, versionId));
  if (source === undefined) return bytes;
  if (!PICTURE.test(source)) throw new ServiceError('invalid', `「${source}」不是图片。`);
  const picture = await (await BoundedZip.open(bytes, DEFAULT_MAX_UNCOMPRESSED_BYTES)).bytes(source).catch(() => undefined);
  if (!picture) throw new ServiceError('not-found', `文件中没有图片「${source}」。`);
  return picture;
}
