import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../../shared/document-model';
import { MAX_BLOCK_CHARS, pieces, splitLongBlocks } from '../../../../electron/ingest/block-limits';

describe('pieces', () => {
  it('cuts after the last sentence end before the limit, and keeps every character', () => {
    const text = '第一句。第二句很长很长！第三句';
    const out = pieces(text, 10);
    expect(out).toEqual(['第一句。', '第二句很长很长！', '第三句']);
    expect(out.join('')).toBe(text);
  });

  it('cuts hard at the limit where there is no sentence end, never inside a surrogate pair', () => {
    const text = '甲'.repeat(9) + '𠀀' + '乙'.repeat(5);
    const out = pieces(text, 10);
    expect(out).toEqual(['甲'.repeat(9), '𠀀' + '乙'.repeat(5)]);
  });
});

describe('splitLongBlocks', () => {
  it('leaves a document with ordinary paragraphs as it is', () => {
    const doc: ExtractedDocument = { format: 'docx', blocks: [{ part: 'body', text: '正文。', paragraph: 0 }], warnings: [] };
    expect(splitLongBlocks(doc, 'a.docx')).toBe(doc);
  });

  it('splits a paragraph over the limit into pieces of the same place, and says so once', () => {
    const sentence = '本条例自公布之日起施行。';
    const text = sentence.repeat(Math.ceil((MAX_BLOCK_CHARS * 2.5) / sentence.length));
    const doc: ExtractedDocument = { format: 'docx', blocks: [{ part: 'body', text, paragraph: 3, heading: 1 }], warnings: [] };
    const out = splitLongBlocks(doc, '长段落.docx');
    expect(out.blocks.length).toBe(3);
    expect(out.blocks.map((b) => b.text).join('')).toBe(text);
    expect(out.blocks.every((b) => b.text.length <= MAX_BLOCK_CHARS && b.text.endsWith('。') && b.paragraph === 3 && b.heading === 1)).toBe(true);
    expect(out.warnings).toEqual([
      {
        code: 'long-block',
        message: `「长段落.docx」中有超长段落：正文第4段有 ${text.length} 字，超过每段 10000 字的上限，已分段全部审查；分段处前后的文字须人工核对。`,
      },
    ]);
  });
});
