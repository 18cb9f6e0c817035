// A Word file of one paragraph of about N megabytes of real prose (published laws run together, so
// with hits): the shape that made the review superlinear (issue 14). Used by bench-hostile.ts and
// tests/integration/hostile-files.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocx } from './docx';

export async function oneParagraphDocx(lawsFolder: string, megabytes: number): Promise<Buffer> {
  let prose = '';
  for (const name of readdirSync(lawsFolder).sort()) {
    prose += readFileSync(join(lawsFolder, name), 'utf8').replace(/\s+/g, '');
    if (prose.length > 1_000_000) break;
  }
  const chars = Math.round((megabytes * 1024 * 1024) / 3); // UTF-8: three bytes a Chinese character
  const text = prose.repeat(Math.ceil(chars / prose.length)).slice(0, chars);
  return buildDocx({ paragraphs: [text], header: '', footnote: '', footnoteAt: -1, tableRows: [], tableAt: -1, title: '一段' });
}
