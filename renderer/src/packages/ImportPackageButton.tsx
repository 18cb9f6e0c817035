// 导入送审包 on the workbench: the office takes a division's 送审包, the division takes the office's
// 审核决定包 (the same button, the file says which). The result, or the refusal and why, is shown by
// PackageImportOutcome; shown only to the roles that take packages.
import { ImportOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { PackageImportResult } from '../../../shared/package-api';
import { mayDo } from '../../../shared/permissions';
import { call, errorMessage } from '../api';
import { FilePickButton } from '../dictionary/FilePickButton';
import { importFileOf } from '../dictionary/files';
import { sessionSelectors, useMishenStore } from '../store';

export type PackageImport = { readonly ok: true; readonly result: PackageImportResult } | { readonly ok: false; readonly name: string; readonly message: string };

export function ImportPackageButton({ onOutcome }: { onOutcome: (outcome: PackageImport | undefined) => void }) {
  const user = useMishenStore(sessionSelectors.user);
  const [busy, setBusy] = useState(false);
  if (!mayDo(user, 'import-review-package').allowed && !mayDo(user, 'import-decision-package').allowed) return null;

  const take = async (picked: File) => {
    setBusy(true);
    onOutcome(undefined);
    try {
      onOutcome({ ok: true, result: await call('packages/import', await importFileOf(picked)) });
    } catch (e) {
      onOutcome({ ok: false, name: picked.name, message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <FilePickButton accept=".mspkg,.json" testId="package-file-input" icon={<ImportOutlined />} loading={busy} onPick={(f) => void take(f)}>
      {user?.role === 'office-reviewer' ? '导入送审包' : '导入审核决定包'}
    </FilePickButton>
  );
}
