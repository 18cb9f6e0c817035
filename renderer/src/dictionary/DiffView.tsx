// What changed between two versions: entries and allow-list phrases added, removed and changed
// (with the fields that changed), and the rules.
import { Empty, Space, Table, Tag, Typography } from 'antd';
import type { DictionaryDiff } from '../../../shared/dictionary-api';
import type { ChangedItem } from '../../../shared/dictionary/diff';
import type { AllowEntry, DictionaryEntry } from '../../../shared/dictionary/types';
import { SEVERITY_LABELS, categoryLabel } from '../../../shared/labels';
import { entryText } from './entry-filter';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  term: '词条', pattern: '正则', category: '类别', severity: '严重程度', note: '说明', boundary: '词边界', validator: '校验器',
  enabled: '启用状态', kind: '种类', context: '语境规则', severityByRole: '按角色的严重程度', categories: '适用类别', type: '类型',
};

interface Row {
  readonly key: string;
  readonly change: '新增' | '删除' | '修改';
  readonly item: string;
  readonly text: string;
  readonly detail: string;
}

const COLORS = { 新增: 'green', 删除: 'red', 修改: 'blue' } as const;

function entryDetail(e: DictionaryEntry): string {
  return `${categoryLabel(e.category)} · ${SEVERITY_LABELS[e.severity]}${e.enabled === false ? ' · 已停用' : ''}`;
}

function describe(c: ChangedItem<DictionaryEntry>): string {
  return c.fields
    .map((f) => {
      if (f === 'severity') return `严重程度 ${SEVERITY_LABELS[c.before.severity]} → ${SEVERITY_LABELS[c.after.severity]}`;
      if (f === 'enabled') return c.after.enabled === false ? '停用' : '重新启用';
      if (f === 'note') return `说明改为「${c.after.note}」`;
      return `${FIELD_LABELS[f] ?? f}已改`;
    })
    .join('；');
}

export function diffRows(diff: DictionaryDiff): Row[] {
  const rows: Row[] = [];
  for (const e of diff.entries.added) rows.push({ key: `e+${e.id}`, change: '新增', item: '条目', text: entryText(e), detail: entryDetail(e) });
  for (const e of diff.entries.removed) rows.push({ key: `e-${e.id}`, change: '删除', item: '条目', text: entryText(e), detail: entryDetail(e) });
  for (const c of diff.entries.changed) rows.push({ key: `e~${c.id}`, change: '修改', item: '条目', text: entryText(c.after), detail: describe(c) });
  const allowDetail = (a: AllowEntry) => (a.categories.length ? a.categories.map(categoryLabel).join('、') : '全部类别');
  for (const a of diff.allow.added) rows.push({ key: `a+${a.id}`, change: '新增', item: '白名单', text: a.term, detail: allowDetail(a) });
  for (const a of diff.allow.removed) rows.push({ key: `a-${a.id}`, change: '删除', item: '白名单', text: a.term, detail: allowDetail(a) });
  for (const c of diff.allow.changed) rows.push({ key: `a~${c.id}`, change: '修改', item: '白名单', text: c.after.term, detail: c.fields.map((f) => FIELD_LABELS[f] ?? f).join('、') + '已改' });
  for (const [item, d] of [['语境规则', diff.contextRules], ['汇聚规则', diff.aggregationRules]] as const) {
    for (const r of d.added) rows.push({ key: `${item}+${r.id}`, change: '新增', item, text: r.id, detail: '' });
    for (const r of d.removed) rows.push({ key: `${item}-${r.id}`, change: '删除', item, text: r.id, detail: '' });
    for (const c of d.changed) rows.push({ key: `${item}~${c.id}`, change: '修改', item, text: c.id, detail: c.fields.join('、') });
  }
  return rows;
}

export function DiffView({ diff, from, to }: { diff: DictionaryDiff; from: number; to: number }) {
  const rows = diffRows(diff);
  if (rows.length === 0) return <Empty description={`第 ${from} 版与第 ${to} 版内容相同`} />;
  const count = (c: Row['change']) => rows.filter((r) => r.change === c).length;
  return (
    <div data-testid="diff-view">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          第 {from} 版 → 第 {to} 版：
        </Typography.Text>
        <Tag color="green">新增 {count('新增')}</Tag>
        <Tag color="red">删除 {count('删除')}</Tag>
        <Tag color="blue">修改 {count('修改')}</Tag>
      </Space>
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        dataSource={rows}
        columns={[
          { title: '变化', dataIndex: 'change', width: 80, render: (c: Row['change']) => <Tag color={COLORS[c]}>{c}</Tag> },
          { title: '项目', dataIndex: 'item', width: 90 },
          { title: '内容', dataIndex: 'text', width: 240 },
          { title: '说明', dataIndex: 'detail' },
        ]}
      />
    </div>
  );
}
