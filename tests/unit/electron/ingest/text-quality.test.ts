import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, TextBlock } from '../../../../shared/document-model';
import { readPdf } from '../../../../electron/ingest/pdf';
import { decodeText } from '../../../../electron/ingest/txt';
import { garbledTextWarnings, looksGarbled, MAX_ODD_SHARE, textStats } from '../../../../electron/ingest/text-quality';
import { CID_FONT_WITHOUT_DESCRIPTOR, onePagePdf, ucs2Hex } from '../../../support/make-pdf';

const shared = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared');
const doc = (blocks: TextBlock[], format: ExtractedDocument['format'] = 'pdf'): ExtractedDocument => ({ format, blocks, warnings: [] });

describe('textStats', () => {
  it('counts control characters, U+FFFD, private use, spacing accents and stray symbols as odd; white space not at all', () => {
    expect(textStats(['a\u0001b\u0000 c\ufffd\ue000˘¯\n'])).toEqual({ characters: 9, odd: 6 });
  });

  it('takes letters of any script, digits, punctuation and document symbols as text', () => {
    const text = '机密★5年，第①条：温度≤30℃，面积×2 → 完成。Ёлка שלום مرحبا ภาษาไทย café Ⅳ　（注）';
    expect(textStats([text]).odd).toBe(0);
  });

  it('counts a character outside the BMP once', () => {
    expect(textStats(['𠀀\u{F0000}'])).toEqual({ characters: 2, odd: 1 }); // CJK extension B is text, plane-15 private use is not
  });
});

describe('garbledTextWarnings', () => {
  it('warns per PDF page, with the page, only where the share of odd characters is over the limit', () => {
    const garbage = 'g:[˘&\u0005\u00005^t\u0000 QsNQhw\u0001W˛^\u0002Ol4^‘%OÝ‘¯Qμvb¥TJ';
    const warnings = garbledTextWarnings(
      doc([
        { part: 'body', text: '关于全省城市供水应急保障情况的报告，现将有关情况报告如下。', paragraph: 0, page: 1 },
        { part: 'body', text: garbage, paragraph: 0, page: 2 },
      ]),
      'a.pdf',
    );
    expect(warnings).toEqual([{ code: 'garbled-text', page: 2, message: '第2页文字无法正确提取，须人工核对或 OCR。' }]);
  });

  it('names the part for other files, and says nothing about a few odd characters in short text', () => {
    const bad = '\u0001\u0002\u0003'.repeat(10);
    expect(garbledTextWarnings(doc([{ part: 'footer', text: bad, paragraph: 0 }], 'docx'), 'b.docx')).toEqual([
      { code: 'garbled-text', message: '「b.docx」的页脚文字无法正确提取（多为乱码或无法识别的字符），须人工核对原文。' },
    ]);
    expect(looksGarbled(textStats(['第1页\u0001']))).toBe(false);
  });
});

describe('the check on real documents and on a PDF whose font has no descriptor', () => {
  it('pdfjs decodes the descriptor-less CID font into garbage, and the page gets the warning', async () => {
    const pdf = onePagePdf(CID_FONT_WITHOUT_DESCRIPTOR, `BT /F1 14 Tf 72 700 Td ${ucs2Hex('机密★5年 关于全省城市供水应急保障情况的报告')} Tj ET`);
    const result = await readPdf(pdf, 'garbled.pdf');
    if (!result.ok) throw new Error(result.error.message);
    const text = result.document.blocks.map((b) => b.text).join('');
    expect(text).not.toContain('机密'); // what pdfjs gives is not the text: that is why the check exists
    expect(garbledTextWarnings(result.document, 'garbled.pdf')).toEqual([{ code: 'garbled-text', page: 1, message: '第1页文字无法正确提取，须人工核对或 OCR。' }]);
  });

  it('no published law or government text in ../shared/realworld comes near the limit', () => {
    let worst = 0;
    for (const folder of ['realworld/laws', 'realworld/gov']) {
      for (const name of readdirSync(join(shared, folder)).filter((n) => n.endsWith('.txt'))) {
        const decoded = decodeText(readFileSync(join(shared, folder, name)));
        const stats = textStats([decoded!.text]);
        worst = Math.max(worst, stats.odd / stats.characters);
      }
    }
    expect(worst).toBeLessThan(MAX_ODD_SHARE / 10);
  });
});
