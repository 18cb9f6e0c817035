// The history view's 送审包 card: the export (disabled with its reason when it cannot be used now)
// and the packages this installation sent and took for the document.
import { Card, Table } from 'antd';
import { PACKAGE_KIND_LABELS, type PackageInfo } from '../../../shared/package-api';
import type { DocumentDetail } from '../../../shared/records';
import { formatTime } from '../format';
import { ExportPackageButton } from './ExportPackageButton';
import { DIRECTION_LABELS } from './package-labels';
import type { DocumentPackages } from './use-document-packages';

export function DocumentPackagesCard({ detail, packages }: { detail: DocumentDetail; packages: DocumentPackages }) {
  const versionOf = new Map(detail.versions.map((v) => [v.id, v.number]));
  return (
    <Card size="small" title="送审包（不联网的桌面之间）" data-testid="document-packages">
      <div style={{ marginBottom: 8 }}>
        <ExportPackageButton detail={detail} packages={packages} />
      </div>
      <Table<PackageInfo>
        size="small"
        rowKey={(p) => `${p.packageId}-${p.direction}`}
        pagination={false}
        dataSource={[...packages.packages].reverse()}
        locale={{ emptyText: '本机尚未收发该文稿的送审包。' }}
        columns={[
          { title: '时间', dataIndex: 'recordedAt', width: 150, render: (t: string) => formatTime(t) },
          { title: '收发', dataIndex: 'direction', width: 70, render: (d: PackageInfo['direction']) => DIRECTION_LABELS[d] },
          { title: '种类', dataIndex: 'kind', width: 110, render: (k: PackageInfo['kind']) => PACKAGE_KIND_LABELS[k] },
          { title: '版本', dataIndex: 'versionId', render: (id: string) => (versionOf.has(id) ? `第 ${versionOf.get(id)} 版` : '—') },
        ]}
      />
    </Card>
  );
}
