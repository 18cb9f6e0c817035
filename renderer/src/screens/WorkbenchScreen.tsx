// 工作台: the documents the user may see, by state — the cards say how many wait in each and open
// that list; each role starts on its own queue (QUEUE_OF_ROLE, shared/permissions.ts). Search and division filter
// narrow every count alike.
import { CloudUploadOutlined, ReloadOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { mayDo } from '../../../shared/permissions';
import { ImportPackageButton, type PackageImport } from '../packages/ImportPackageButton';
import { PackageImportOutcome } from '../packages/PackageImportOutcome';
import { documentsSelectors, sessionSelectors, useMishenStore } from '../store';
import { DocumentTable } from '../workbench/DocumentTable';
import { WorkbenchStats } from '../workbench/WorkbenchStats';

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
  const mayImport = mayDo(user, 'submit').allowed;
  const [packageImport, setPackageImport] = useState<PackageImport>();

  const onPackageImport = (outcome: PackageImport | undefined) => {
    setPackageImport(outcome);
    if (!outcome?.ok) return;
    // The document it brought, in the list of its state now.
    setStateFilter(outcome.result.state);
    void loadDocuments();
  };

  useEffect(() => {
    void loadDocuments();
  }, [loadDocuments]);

  const goImport = () => navigate({ screen: 'import' });
  const emptyText =
    all.length === 0
      ? mayImport
        ? '还没有文稿。请点击「导入文稿」，把准备公开的草稿拖进来审查。'
        : '还没有文稿。起草人导入草稿后，文稿会出现在这里。'
      : `「${stateFilter}」下没有${searchText || divisionFilter ? '符合筛选条件的' : ''}文稿。`;

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>工作台</Typography.Title>}
      extra={
        <Flex gap={8} wrap={false}>
          <Input.Search allowClear placeholder="搜索标题、文号、起草人" value={searchText} onChange={(e) => setSearchText(e.target.value)} style={{ width: 240 }} aria-label="搜索文稿" />
          {divisions.length > 1 && (
            <Select allowClear placeholder="全部处室" value={divisionFilter || undefined} onChange={(v) => setDivisionFilter(v ?? '')} options={divisions.map((d) => ({ value: d, label: d }))} style={{ width: 140 }} aria-label="按处室筛选" />
          )}
          <Button icon={<ReloadOutlined />} onClick={() => void loadDocuments()} loading={loading}>
            刷新
          </Button>
          <ImportPackageButton onOutcome={onPackageImport} />
          <Button icon={<SwapOutlined />} onClick={() => navigate({ screen: 'packages' })} data-testid="open-packages">
            送审包
          </Button>
          {mayImport && (
            <Button type="primary" icon={<CloudUploadOutlined />} onClick={goImport}>
              导入文稿
            </Button>
          )}
        </Flex>
      }
    >
      {packageImport && <PackageImportOutcome outcome={packageImport} onOpen={(id) => navigate({ screen: 'review', documentId: id })} onClose={() => setPackageImport(undefined)} />}
      {error && <Alert type="error" showIcon title="无法读取文稿列表" description={`${error} 请点击「刷新」重试。`} style={{ marginBottom: 16 }} />}
      <WorkbenchStats documents={all} counts={counts} current={stateFilter} onPick={setStateFilter} />
      {loaded && visible.length === 0 ? (
        <Empty description={emptyText} style={{ padding: '40px 0' }}>
          {all.length === 0 && mayImport && (
            <Button type="primary" icon={<CloudUploadOutlined />} onClick={goImport}>
              导入文稿
            </Button>
          )}
        </Empty>
      ) : (
        <DocumentTable documents={visible} loading={loading && !loaded} onOpen={(id) => navigate({ screen: 'review', documentId: id })} onHistory={(id) => navigate({ screen: 'history', documentId: id })} />
      )}
    </Card>
  );
}
