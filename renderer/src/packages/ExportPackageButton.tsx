// 导出送审包 (the division, once its head has approved) and 导出审核决定包 (the office reviewer, on a
// version that came in a 送审包, once signed): the signed file is saved where the user says. The
// rule is shared/permissions.ts's, the same the service refuses with.
import { ExportOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { mayDo, mayExportDecisionPackage, mayExportReviewPackage, type Permission } from '../../../shared/permissions';
import type { DocumentDetail } from '../../../shared/records';
import { GuardedButton } from '../components/GuardedButton';
import { call, errorMessage } from '../api';
import { downloadBytes } from '../dictionary/files';
import { sessionSelectors, useMishenStore } from '../store';
import { useDocumentPackages, type DocumentPackages } from './use-document-packages';

interface Props {
  readonly detail: DocumentDetail;
  readonly packages: DocumentPackages;
  /** Shown only when it can be used (the review header), or disabled with its reason (the history view). */
  readonly onlyWhenAllowed?: boolean;
}

/** Which package this user would export, and whether they may now; undefined: none is theirs. */
export function packageExport(user: ReturnType<typeof sessionSelectors.user>, detail: DocumentDetail, cameByPackage: boolean): { label: string; permission: Permission } | undefined {
  if (user?.role === 'office-reviewer') return cameByPackage ? { label: '导出审核决定包', permission: mayExportDecisionPackage(user, detail, true) } : undefined;
  if (mayDo(user, 'export-review-package').allowed) return { label: '导出送审包', permission: mayExportReviewPackage(user, detail) };
  return undefined;
}

export function ExportPackageButton({ detail, packages, onlyWhenAllowed }: Props) {
  const user = useMishenStore(sessionSelectors.user);
  const { message } = App.useApp();
  const offer = packageExport(user, detail, packages.cameByPackage);
  if (!offer || (onlyWhenAllowed && !offer.permission.allowed)) return null;

  const exportPackage = async () => {
    try {
      const file = await call('packages/export', detail.id);
      downloadBytes(file.name, file.bytes);
      void message.success({ content: `已签名导出「${file.name}」，请用移动介质交${offer.label === '导出送审包' ? '办公室' : '起草处室'}导入。`, duration: 6 });
      await packages.reload();
    } catch (e) {
      void message.error({ content: `未能导出：${errorMessage(e)}`, duration: 8 });
    }
  };

  return (
    <GuardedButton icon={<ExportOutlined />} onClick={() => void exportPackage()} blockedReason={offer.permission.reason} data-testid="export-package">
      {offer.label}
    </GuardedButton>
  );
}

/** The review header's export: offered once it can be used, to whom it is for. */
export function HeaderExportPackageButton({ detail }: { detail: DocumentDetail }) {
  const packages = useDocumentPackages(detail.id, detail.latestVersion.id);
  return <ExportPackageButton detail={detail} packages={packages} onlyWhenAllowed />;
}
