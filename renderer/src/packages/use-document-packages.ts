// The packages this installation sent and took for one document: whether its latest version came in
// a 送审包 (the office may then answer it), and what was exported when.
import { useCallback, useEffect, useState } from 'react';
import type { PackageInfo } from '../../../shared/package-api';
import { call } from '../api';

export interface DocumentPackages {
  readonly packages: readonly PackageInfo[];
  /** The latest version came here in a 送审包. */
  readonly cameByPackage: boolean;
  readonly reload: () => Promise<void>;
}

export function useDocumentPackages(documentId: string, latestVersionId: string): DocumentPackages {
  const [packages, setPackages] = useState<readonly PackageInfo[]>([]);
  const reload = useCallback(async () => {
    try {
      setPackages(await call('packages/list', documentId));
    } catch {
      setPackages([]);
    }
  }, [documentId]);
  useEffect(() => {
    void reload();
  }, [reload, latestVersionId]);
  const cameByPackage = packages.some((p) => p.kind === 'review' && p.direction === 'received' && p.versionId === latestVersionId);
  return { packages, cameByPackage, reload };
}
