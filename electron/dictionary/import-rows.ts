// Reads a file brought for import into its rows, each with the line (or Excel row) it came from,
// by the one row reader of shared/dictionary/rows.ts: a row that cannot be read is kept with its
// error, so that the report shows every row. Excel is a table read from its first sheet. What
// spoils the whole file (unknown format, wrong header, broken JSON) is a ServiceError.
import { baseName } from '../../shared/dictionary/fields';
import { isTextDictionaryFile, readDictionaryRows, readTableRows, type DictionaryRow } from '../../shared/dictionary/rows';
import { DictionaryError } from '../../shared/dictionary/types';
import { ServiceError } from '../../shared/records';
import { readFirstSheet } from './xlsx';

export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<DictionaryRow[]> {
  const isExcel = fileName.toLowerCase().endsWith('.xlsx');
  if (!isExcel && !isTextDictionaryFile(fileName)) {
    throw new ServiceError('invalid', `不支持的导入格式「${baseName(fileName)}」：应为 .csv、.txt、.xlsx 或 .json（本软件词库格式）`);
  }
  try {
    if (!isExcel) return readDictionaryRows(fileName, Buffer.from(bytes).toString('utf8'));
    const sheet = await readFirstSheet(bytes, fileName);
    return readTableRows(fileName, sheet.header, sheet.headerLine, sheet.rows.map((r) => ({ line: r.line, fields: r.cells })), { padShortRows: true });
  } catch (e) {
    if (e instanceof DictionaryError) throw new ServiceError('invalid', e.message);
    throw e;
  }
}
