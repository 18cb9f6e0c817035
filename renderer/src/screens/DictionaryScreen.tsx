// 词库管理 (security officer, administrator): entries and allow list edited as an unsaved copy of
// the active version, a live tester over that copy, versions with diff and rollback, import and
// export, signed packages, and the reviewers' false-positive proposals.
import { Alert, Button, Card, Flex, Skeleton, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { AllowListPanel } from '../dictionary/AllowListPanel';
import { EntriesPanel } from '../dictionary/EntriesPanel';
import { ImportExportPanel } from '../dictionary/ImportExportPanel';
import { LiveTester } from '../dictionary/LiveTester';
import { PackagePanel } from '../dictionary/PackagePanel';
import { ProposalsPanel } from '../dictionary/ProposalsPanel';
import { SaveChangesBar } from '../dictionary/SaveChangesBar';
import { VersionsPanel } from '../dictionary/VersionsPanel';
import { dictionarySelectors, useMishenStore } from '../store';

export function DictionaryScreen() {
  const base = useMishenStore(dictionarySelectors.base);
  const error = useMishenStore(dictionarySelectors.error);
  const load = useMishenStore((s) => s.loadDictionary);
  const hasUnsaved = useMishenStore(dictionarySelectors.hasUnsavedChanges);

  useEffect(() => {
    // Unsaved changes survive leaving the screen and coming back; only a first visit loads.
    if (!useMishenStore.getState().dictBase) void load();
  }, [load]);

  if (error && !base) return <Alert type="error" showIcon title="无法载入词库" description={error} action={<Button onClick={() => void load()}>重试</Button>} />;
  if (!base) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          词库管理
        </Typography.Title>
        <SaveChangesBar />
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          items={[
            { key: 'entries', label: '词条', children: <EntriesPanel /> },
            { key: 'allow', label: '白名单', children: <AllowListPanel /> },
            { key: 'tester', label: `实时检测${hasUnsaved ? '（含未保存修改）' : ''}`, children: <LiveTester /> },
            { key: 'versions', label: '版本与比较', children: <VersionsPanel /> },
            { key: 'transfer', label: '导入导出', children: <ImportExportPanel /> },
            { key: 'packages', label: '分发', children: <PackagePanel /> },
            { key: 'proposals', label: '误报建议', children: <ProposalsPanel /> },
          ]}
        />
      </Card>
    </>
  );
}
