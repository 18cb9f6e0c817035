// Chinese names of parts, categories and severities, for explanations and for the window.
import type { Part } from './document-model';
import type { Finding, Severity, Verdict } from './findings';

export const PART_LABELS: Readonly<Record<Part | 'document', string>> = {
  body: '正文',
  header: '页眉',
  footer: '页脚',
  footnote: '脚注',
  endnote: '尾注',
  comment: '批注',
  'tracked-deletion': '修订（删除的文字）',
  'tracked-insertion': '修订（插入的文字）',
  hidden: '隐藏文字',
  textbox: '文本框',
  metadata: '文档属性',
  annotation: 'PDF 注释',
  attachment: '附件',
  ocr: '图片文字（OCR 识别）',
  document: '全文',
};

export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  'classification-mark': '密级标志',
  'work-secret': '工作秘密及内部标识',
  'process-info': '过程性及内部事务信息',
  'personal-info': '个人信息',
  'commercial-secret': '商业秘密',
  'location-infrastructure': '位置与基础设施',
  'unreleased-statistics': '未发布统计数据',
  'hidden-content': '隐藏内容',
  aggregation: '数据汇聚',
  custom: '自定义词条',
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  block: '禁止发布',
  review: '需人工判断',
  info: '提示',
};

/** The automatic verdict of a scan, in words (reports, the 审查单, the register). */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  block: '禁止发布（须修改）',
  review: '需人工审查',
  pass: '未发现问题',
};

/** The same verdict in the few words of a tag (the window's lists). */
export const VERDICT_TAG_LABELS: Readonly<Record<Verdict, string>> = {
  block: SEVERITY_LABELS.block,
  review: VERDICT_LABELS.review,
  pass: '通过',
};

/**
 * Parts whose label already says where (a property, an annotation, a picture, 批注 2, 脚注 1): no
 * paragraph number, which would count the paragraphs of all comments (or notes) together.
 */
const LOCATED_BY_LABEL: ReadonlySet<Part | 'document'> = new Set(['metadata', 'annotation', 'attachment', 'ocr', 'document', 'comment', 'footnote', 'endnote']);

/**
 * Where a finding stands, in words a reviewer can follow in the file — the same on screen, on the
 * printed 审查单 and in the command line's text: the part and its label (页眉（第 1 节）, 文档属性「标题」,
 * 批注 2), the page and line of a paged file, or the paragraph, counted from 1.
 */
export function describePlace(f: Pick<Finding, 'part' | 'label' | 'page' | 'line' | 'paragraph'>): string {
  // An aggregation names its scope: 表格 2, a section's title, 全文.
  if (f.part === 'document') return f.label ?? placeOf('document', undefined);
  const at = [placeOf(f.part, f.label)];
  if (f.page !== undefined) at.push(`第 ${f.page} 页`);
  if (f.line !== undefined) at.push(`第 ${f.line} 行`);
  else if (f.page === undefined && f.paragraph !== undefined && !LOCATED_BY_LABEL.has(f.part) && !f.label?.includes('单元格')) at.push(`第 ${f.paragraph + 1} 段`);
  return at.join(' ');
}

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

/**
 * Where a block stands, in words: its part and its label (页眉（第 1 节）, 文档属性「标题」,
 * 正文·工作表「名单」B3 单元格). A label that already names its part stands alone.
 */
export function placeOf(part: Part | 'document', label: string | undefined): string {
  const name = PART_LABELS[part];
  if (!label) return name;
  if (label.startsWith(name)) return label;
  if (part === 'metadata') return `${name}「${label}」`;
  // No brackets inside brackets: 隐藏文字·工作表「原始数据」B2 单元格（隐藏工作表）.
  return name.endsWith('）') || /[（「]/.test(label) ? `${name}·${label}` : `${name}（${label}）`;
}
