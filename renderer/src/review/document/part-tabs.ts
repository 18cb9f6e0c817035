// The tabs of the review view: each shows the blocks of one or more parts of the file.
import type { Part } from '../../../../shared/document-model';

export interface PartTab {
  readonly key: string;
  readonly label: string;
  readonly parts: readonly Part[];
}

export const PART_TABS: readonly PartTab[] = [
  { key: 'body', label: '正文', parts: ['body'] },
  { key: 'header-footer', label: '页眉页脚', parts: ['header', 'footer'] },
  { key: 'notes', label: '脚注尾注', parts: ['footnote', 'endnote'] },
  { key: 'comment', label: '批注', parts: ['comment'] },
  { key: 'revisions', label: '修订', parts: ['tracked-insertion', 'tracked-deletion'] },
  { key: 'hidden', label: '隐藏文字', parts: ['hidden'] },
  { key: 'textbox', label: '文本框', parts: ['textbox'] },
  { key: 'metadata', label: '文档属性', parts: ['metadata'] },
  { key: 'annotation', label: '注释与附件', parts: ['annotation', 'attachment'] },
  { key: 'ocr', label: '图片文字', parts: ['ocr'] },
];

/** The tab that shows a part; findings about the whole document ('document') have none. */
export function tabOfPart(part: Part | 'document'): string | undefined {
  return PART_TABS.find((t) => (t.parts as readonly string[]).includes(part))?.key;
}
