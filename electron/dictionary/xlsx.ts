// Excel workbooks for dictionary import and export (exceljs): the first sheet, a header row
// term/category/severity/note (or 词条/类别/严重程度/说明), one term a row. Security offices keep
// their lists in Excel, so this is the format they will most often bring. exceljs is loaded on first
// use: it costs every `mishen` command a third of a second to load, and few of them need it.
import { ServiceError } from '../../shared/records';

export interface SheetRow {
  /** The row number Excel shows, for the import report. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface Sheet {
  readonly header: readonly string[];
  readonly headerLine: number;
  readonly rows: readonly SheetRow[];
}

export async function readFirstSheet(bytes: Uint8Array, fileName: string): Promise<Sheet> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new ServiceError('unreadable-file', `无法读取 Excel 文件「${fileName}」（应为 .xlsx）：${(e as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new ServiceError('invalid', `Excel 文件「${fileName}」的第一个工作表为空，缺少表头 词条/类别/严重程度/说明`);
  const all: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text.trim());
    if (cells.some((c) => c !== '')) all.push({ line, cells });
  });
  const [first, ...rows] = all;
  return { header: first.cells, headerLine: first.line, rows };
}

export async function writeSheet(header: readonly string[], rows: readonly (readonly string[])[], sheetName = '词库'): Promise<Buffer> {
  const workbook = new (await excel()).Workbook();
  workbook.creator = '密审';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).font = { bold: true };
  for (const r of rows) sheet.addRow([...r]);
  sheet.columns.forEach((col) => (col.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function excel(): Promise<typeof import('exceljs')> {
  return (await import('exceljs')).default;
}
