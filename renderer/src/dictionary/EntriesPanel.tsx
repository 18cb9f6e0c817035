// 词条: the categories on the left, the searchable, filterable, virtualised table on the right,
// and the editor for adding and changing entries. Every change stays unsaved until 保存.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Input, Row, Select, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import type { DictionaryEntry } from '../../../shared/dictionary/types';
import { SEVERITIES } from '../../../shared/findings';
import { SEVERITY_LABELS } from '../../../shared/labels';
import { dictionarySelectors, useMishenStore } from '../store';
import { CategoryPanel } from './CategoryPanel';
import { EntryEditor } from './EntryEditor';
import { EntryTable } from './EntryTable';
import { categoryOptions } from './category-options';
import { filterEntries } from './entry-filter';

type Editing = { entry?: DictionaryEntry; type: 'term' | 'pattern' } | undefined;

export function EntriesPanel() {
  const set = useMishenStore(dictionarySelectors.draftSet);
  const filters = useMishenStore(dictionarySelectors.filters);
  const touched = useMishenStore(dictionarySelectors.touchedIds);
  const setFilters = useMishenStore((s) => s.setEntryFilters);
  const setEnabled = useMishenStore((s) => s.setEntryEnabled);
  const [editing, setEditing] = useState<Editing>();
  const [search, setSearch] = useState(filters.search);
  // Typing stays responsive: the 100,000-row filter runs on the deferred value.
  const deferredFilters = useDeferredValue(filters);
  const entries = set?.entries ?? [];
  const visible = useMemo(() => filterEntries(entries, deferredFilters, touched), [entries, deferredFilters, touched]);
  const options = useMemo(() => categoryOptions(set), [set]);

  return (
    <Row gutter={16}>
      <Col span={5}>
        <CategoryPanel entries={entries} />
      </Col>
      <Col span={19}>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
          <Input.Search
            aria-label="搜索词条"
            placeholder="搜索词条、正则、说明或编号"
            allowClear
            style={{ width: 280 }}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setFilters({ search: e.target.value });
            }}
          />
          <Select aria-label="按类别筛选" style={{ width: 200 }} value={filters.category} onChange={(category) => setFilters({ category, source: '' })} options={[{ value: '', label: '全部类别' }, ...options]} />
          <Select
            aria-label="按严重程度筛选"
            style={{ width: 140 }}
            value={filters.severity}
            onChange={(severity) => setFilters({ severity })}
            options={[{ value: '', label: '全部严重程度' }, ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))]}
          />
          <Select
            aria-label="按状态筛选"
            style={{ width: 120 }}
            value={filters.status}
            onChange={(status) => setFilters({ status })}
            options={[
              { value: 'all', label: '全部状态' },
              { value: 'enabled', label: '启用' },
              { value: 'disabled', label: '已停用' },
              { value: 'changed', label: '未保存的' },
            ]}
          />
          <Typography.Text type="secondary" data-testid="entry-count">
            共 {visible.length} 条
          </Typography.Text>
          <Flex gap={8} style={{ marginLeft: 'auto' }}>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ type: 'term' })}>
              新增词条
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setEditing({ type: 'pattern' })}>
              新增正则
            </Button>
          </Flex>
        </Flex>
        <EntryTable entries={visible} touched={touched} height={Math.max(300, window.innerHeight - 330)} onEdit={(entry) => setEditing({ entry, type: entry.type })} onToggle={(e) => setEnabled(e.id, e.enabled === false)} />
      </Col>
      {editing && <EntryEditor entry={editing.entry} newType={editing.type} onClose={() => setEditing(undefined)} />}
    </Row>
  );
}
