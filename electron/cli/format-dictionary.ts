// Text output of the dict commands: version lists, a version's entries, diffs, import reports.
import type { DictionaryDiff, ItemDiff } from '../../shared/dictionary/diff';
import type { DictionarySet } from '../../shared/dictionary/types';
import { categoryLabel, SEVERITY_LABELS } from '../../shared/labels';
import type { ImportRow } from '../dictionary/import-plan';
import type { DictionaryVersionSummary, ImportPreview } from '../services/dictionary-service';

export function formatVersions(versions: readonly DictionaryVersionSummary[]): string {
  return versions
    .map((v) => {
      const from = v.issuer ? `  签发：${v.issuer}` : '';
      // The full hash: the same that scans record and the 审查单 prints as 词库哈希.
      return `${v.active ? '*' : ' '} 第 ${v.number} 版  ${v.hash}  ${v.createdAt.slice(0, 19).replace('T', ' ')}  ${v.createdBy}  ${v.note}${from}`;
    })
    .join('\n') + '\n（* 为当前生效版本）\n';
}

export function formatSet(set: DictionarySet): string {
  const lines = set.entries.map((e) => {
    const what = e.type === 'term' ? e.term : `/${e.pattern}/`;
    const state = e.enabled === false ? '  [已停用]' : '';
    return `${e.id}\t${what}\t${categoryLabel(e.category)}\t${SEVERITY_LABELS[e.severity]}${state}${e.note ? `\t${e.note}` : ''}`;
  });
  const allow = set.allow.map((a) => `${a.id}\t白名单「${a.term}」${a.categories.length ? `（${a.categories.map(categoryLabel).join('、')}）` : ''}`);
  return [
    `条目 ${set.entries.length} 个，白名单 ${set.allow.length} 个，语境规则 ${set.contextRules.length} 条，汇聚规则 ${set.aggregationRules.length} 条`,
    ...lines,
    ...allow,
  ].join('\n') + '\n';
}

function section<T extends { id: string }>(title: string, d: ItemDiff<T>): string[] {
  return [
    ...d.added.map((x) => `+ ${title} ${x.id}`),
    ...d.removed.map((x) => `- ${title} ${x.id}`),
    ...d.changed.map((c) => `~ ${title} ${c.id}（${c.fields.join('、')}）`),
  ];
}

export function formatDiff(a: number, b: number, d: DictionaryDiff): string {
  const lines = [
    ...section('条目', d.entries),
    ...section('白名单', d.allow),
    ...section('语境规则', d.contextRules),
    ...section('汇聚规则', d.aggregationRules),
  ];
  return `第 ${a} 版 → 第 ${b} 版：${d.total === 0 ? '内容相同' : `${d.total} 处不同`}\n${lines.join('\n')}${lines.length ? '\n' : ''}`;
}

const ACTION_LABELS: Readonly<Record<ImportRow['action'], string>> = { add: '新增', change: '修改', duplicate: '重复', invalid: '无效' };

export function formatImport(p: ImportPreview): string {
  const rows = p.rows.map((r) => `第 ${r.line} 行\t${ACTION_LABELS[r.action]}\t${r.term}\t${r.category}\t${r.severity}\t${r.reason}`);
  const { add, change, duplicate, invalid } = p.counts;
  return `「${p.fileName}」对照第 ${p.baseVersion} 版：新增 ${add}，修改 ${change}，重复 ${duplicate}，无效 ${invalid}\n${rows.join('\n')}\n`;
}
