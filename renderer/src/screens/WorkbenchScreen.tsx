import { CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Empty, Flex, Input, Select, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DOCUMENT_STATES, type DocumentState } from '../../../shared/records';
import { DocumentTable } from '../components/DocumentTable';
import { GuardedButton } from '../components/GuardedButton';
import { mayDo } from '../../../shared/permissions';
import { documentsSelectors, sessionSelectors, useMishenStore } from '../store';

export function WorkbenchScreen() {
  const user = useMishenStore(sessionSelectors.user);
  const all = useMishenStore(documentsSelectors.allDocuments);
  const visible = useMishenStore(useShallow(documentsSelectors.visibleDocuments));
  const counts = useMishenStore(useShallow(documentsSelectors.countsByState));
  const divisions = useMishenStore(useShallow(documentsSelectors.divisions));
  const loading = useMishenStore(documentsSelectors.loading);
  const loaded = useMishenStore(documentsSelectors.loaded);
  const error = useMishenStore(documentsSelectors.error);
  const stateFilter = useMishenStore(documentsSelectors.stateFilter);
  const searchText = useMishenStore(documentsSelectors.searchText);
  const divisionFilter = useMishenStore(documentsSelectors.divisionFilter);
  const { loadDocuments, setStateFilter, setSearchText, setDivisionFilter, navigate } = useMishenStore(
    useShallow((s) => ({ loadDocuments: s.loadDocuments, setStateFilter: s.setStateFilter, setSearchText: s.setSearchText, setDivisionFilter: s.setDivisionFilter, navigate: s.navigate })),
  );
  const importPermission = mayDo(user, 'submit');

  useEffect(() => {
    void loadDocuments();
  }, [loadDocuments]);

  const goImport = () => navigate({ screen: 'import' });
  const emptyText =
    all.length === 0
      ? importPermission.allowed
        ? '还没有文稿。请点击「导入文稿」，把准备公开的草稿拖进来审查。'
        : '还没有文稿。起草人导入草稿后，文稿会出现在这里。'
      : `「${stateFilter}」下没有${searchText || divisionFilter ? '符合筛选条件的' : ''}文稿。`;

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>工作台</Typography.Title>}
      extra={
        <Flex gap={8}>
          <Input.Search allowClear placeholder="搜索标题、文号、起草人" value={searchText} onChange={(e) => setSearchText(e.target.value)} style={{ width: 240 }} aria-label="搜索文稿" />
          <Select
            allowClear
            placeholder="全部处室"
            value={divisionFilter || undefined}
            onChange={(v) => setDivisionFilter(v ?? '')}
            options={divisions.map((d) => ({ value: d, label: d }))}
            style={{ width: 140 }}
            aria-label="按处室筛选"
          />
          <Button icon={<ReloadOutlined />} onClick={() => void loadDocuments()} loading={loading}>
            刷新
          </Button>
          <GuardedButton type="primary" icon={<CloudUploadOutlined />} onClick={goImport} blockedReason={importPermission.reason}>
            导入文稿
          </GuardedButton>
        </Flex>
      }
    >
      {error && (
        <Alert type="error" showIcon title="无法读取文稿列表" description={`${error} 请点击「刷新」重试。`} style={{ marginBottom: 16 }} />
      )}
      <Tabs
        activeKey={stateFilter}
        onChange={(k) => setStateFilter(k as DocumentState)}
        items={DOCUMENT_STATES.map((st) => ({
          key: st,
          label: (
            <span data-testid={`state-tab-${st}`}>
              {st} <Badge count={counts[st]} showZero color={counts[st] ? (st === '已退回' ? '#cf1322' : '#1f4e9c') : '#bfbfbf'} />
            </span>
          ),
        }))}
      />
      {loaded && visible.length === 0 ? (
        <Empty description={emptyText} style={{ padding: '40px 0' }}>
          {all.length === 0 && importPermission.allowed && (
            <Button type="primary" icon={<CloudUploadOutlined />} onClick={goImport}>
              导入文稿
            </Button>
          )}
        </Empty>
      ) : (
        <DocumentTable
          documents={visible}
          loading={loading && !loaded}
          onOpen={(id) => navigate({ screen: 'review', documentId: id })}
          onHistory={(id) => navigate({ screen: 'history', documentId: id })}
        />
      )}
    </Card>
  );
}
