// Findings for the parts of a file that a reader of the published page does not see but that
// travel with the file: revisions, comments, hidden text, annotations, attachments, properties.
import type { Part, TextBlock } from '../document-model';
import type { Severity } from '../findings';
import { placeOf } from '../labels';
import { contextOf, locate, type Hit } from './hit';

interface HiddenRule {
  readonly kind: string;
  readonly severity: Severity;
  readonly why: (block: TextBlock) => string;
}

const by = (block: TextBlock) => (block.author ? `（作者：${block.author}）` : '');

const RULES: Partial<Record<Part, HiddenRule>> = {
  'tracked-deletion': {
    kind: 'tracked-changes',
    severity: 'review',
    why: (b) => `文件保留了修订痕迹：已删除的文字${by(b)}仍保存在文件中，任何人都能恢复；发布前须接受或拒绝全部修订并另存。`,
  },
  'tracked-insertion': {
    kind: 'tracked-changes',
    severity: 'review',
    why: (b) => `文件含未接受的插入修订${by(b)}，修订人和修订过程随文件公开；发布前须接受全部修订。`,
  },
  comment: {
    kind: 'comment',
    severity: 'review',
    why: (b) => `文件含批注${by(b)}，批注内容和批注人随文件公开；发布前须删除全部批注。`,
  },
  hidden: {
    kind: 'hidden-text',
    severity: 'review',
    why: () => '文件含设置为隐藏的文字，打印和阅读时看不到，但保存在文件中、可被显示或复制；发布前须删除。',
  },
  annotation: {
    kind: 'annotation',
    severity: 'review',
    why: (b) => `PDF 含注释${by(b)}，注释内容随文件公开；发布前须删除注释。`,
  },
  attachment: {
    kind: 'attachment',
    severity: 'review',
    why: () => 'PDF 内嵌附件，附件随文件公开；须单独审查或删除。',
  },
  metadata: {
    kind: 'document-property',
    severity: 'info',
    why: (b) => `${placeOf('metadata', b.label)}随文件公开，可能暴露起草人、单位或文件状态；发布前宜检查并清除。`,
  },
};

const MAX_MATCH = 60;
/** Properties that only name the software that wrote the file (PDF Creator/Producer) tell nothing. */
const SOFTWARE_PROPERTY = /程序|Producer|Application/i;

export function hiddenContentHits(blocks: readonly TextBlock[]): Hit[] {
  const hits: Hit[] = [];
  // The hidden cells of one sheet are one thing to remove, not one finding per cell.
  const tablesSeen = new Set<string>();
  blocks.forEach((block, blockIndex) => {
    const rule = RULES[block.part];
    if (!rule || !block.text.trim()) return;
    if (block.part === 'metadata' && SOFTWARE_PROPERTY.test(block.label ?? '')) return;
    if (block.table !== undefined) {
      const key = `${block.part}\u0000${block.table}`;
      if (tablesSeen.has(key)) return;
      tablesSeen.add(key);
    }
    const end = Math.min(block.text.length, MAX_MATCH);
    hits.push({
      block,
      blockIndex,
      finding: {
        category: 'hidden-content',
        kind: rule.kind,
        severity: rule.severity,
        match: block.text.slice(0, end),
        context: contextOf(block.text, 0, end),
        ...locate(block, 0, end, 0),
        ruleId: `hidden-content/${rule.kind}`,
        explanation: rule.why(block),
      },
    });
  });
  return hits;
}
