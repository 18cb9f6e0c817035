// The dictionaries (source files) and categories of the unsaved set with their entry counts;
// a click filters the table.
import { Card, Menu } from 'antd';
import { useMemo } from 'react';
import type { DictionaryEntry } from '../../../shared/dictionary/types';
import { categoryLabel } from '../../../shared/labels';
import { dictionarySelectors, useMishenStore } from '../store';
import { countBy } from './entry-filter';

export function CategoryPanel({ entries }: { entries: readonly DictionaryEntry[] }) {
  const filters = useMishenStore(dictionarySelectors.filters);
  const setFilters = useMishenStore((s) => s.setEntryFilters);
  const categories = useMemo(() => countBy(entries, (e) => e.category), [entries]);
  const sources = useMemo(() => countBy(entries, (e) => e.source), [entries]);
  const item = (key: string, label: string, count: number) => ({ key, label: <span data-testid={`count-${key}`}>{label}<span style={{ float: 'right', color: '#8c8c8c' }}>{count}</span></span> });

  return (
    <Card size="small" title="词库与类别" styles={{ body: { padding: 0, maxHeight: 'calc(100vh - 260px)', overflow: 'auto' } }}>
      <Menu
        mode="inline"
        selectedKeys={[filters.source ? `source:${filters.source}` : `category:${filters.category}`]}
        onClick={({ key }) => {
          const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
          setFilters(kind === 'source' ? { source: value, category: '' } : { category: value, source: '' });
        }}
        items={[
          { type: 'group', label: '类别', children: [item('category:', '全部条目', entries.length), ...categories.map(([c, n]) => item(`category:${c}`, categoryLabel(c), n))] },
          { type: 'group', label: '来源词库', children: sources.map(([s, n]) => item(`source:${s}`, s, n)) },
        ]}
      />
    </Card>
  );
}
