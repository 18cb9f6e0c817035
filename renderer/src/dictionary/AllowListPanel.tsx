// 白名单: phrases known to be harmless (a hit inside one is dropped), optionally only for some
// categories. Adding is checked as it is typed; changes stay unsaved until 保存.
import { Alert, Button, Card, Flex, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { AllowEntry } from '../../../shared/dictionary/types';
import { allowIdFor } from '../../../shared/dictionary/edit-allow';
import { categoryLabel } from '../../../shared/labels';
import { dictionarySelectors, useMishenStore } from '../store';
import { createAllowChecker } from './allow-check';
import { categoryOptions } from './category-options';
import { freeId } from './entry-ids';

export function AllowListPanel() {
  const set = useMishenStore(dictionarySelectors.draftSet);
  const touched = useMishenStore(dictionarySelectors.touchedIds);
  const addAllow = useMishenStore((s) => s.addAllow);
  const removeAllow = useMishenStore((s) => s.removeAllow);
  const [term, setTerm] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const check = useMemo(() => createAllowChecker(set ?? { entries: [], allow: [] }), [set]);
  const options = useMemo(() => categoryOptions(set), [set]);
  const problems = term ? check({ term, categories }) : [];
  const errors = problems.filter((p) => p.level === 'error');

  const add = () => {
    if (!set || !term.trim() || errors.length) return;
    const draft = { term: term.trim(), categories, note };
    addAllow({ ...draft, id: freeId(set, allowIdFor(draft)) });
    setTerm('');
    setNote('');
  };

  return (
    <Flex vertical gap={12}>
      <Card size="small" title="新增白名单短语">
        <Form layout="inline" onFinish={add} aria-label="新增白名单短语">
          <Form.Item label="短语" validateStatus={errors.length ? 'error' : problems.length ? 'warning' : undefined}>
            <Input aria-label="白名单短语" value={term} onChange={(e) => setTerm(e.target.value)} placeholder="例如：有机密封" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item label="适用类别">
            <Select aria-label="适用类别" mode="multiple" allowClear placeholder="全部类别" style={{ width: 280 }} value={categories} onChange={setCategories} options={options} />
          </Form.Item>
          <Form.Item label="说明">
            <Input aria-label="白名单说明" value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={!term.trim() || errors.length > 0}>
            加入白名单
          </Button>
        </Form>
        {problems.map((p) => (
          <Alert key={p.message} type={p.level} showIcon title={p.message} style={{ marginTop: 8 }} data-testid="allow-problem" />
        ))}
      </Card>
      <Table<AllowEntry>
        size="small"
        rowKey="id"
        virtual
        scroll={{ y: Math.max(240, window.innerHeight - 440) }}
        pagination={false}
        dataSource={(set?.allow ?? []) as AllowEntry[]}
        locale={{ emptyText: '白名单为空' }}
        columns={[
          { title: '短语', dataIndex: 'term', width: 240 },
          { title: '适用类别', dataIndex: 'categories', render: (cs: string[]) => (cs.length ? cs.map((c) => <Tag key={c}>{categoryLabel(c)}</Tag>) : <Tag>全部类别</Tag>) },
          { title: '说明', dataIndex: 'note', ellipsis: true },
          { title: '来源', dataIndex: 'source', width: 160 },
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_, a) => (
              <Space>
                {touched.has(a.id) && <Tag color="gold">未保存</Tag>}
                <Button type="link" size="small" danger onClick={() => removeAllow(a.id)} aria-label={`删除白名单「${a.term}」`}>
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Flex>
  );
}
