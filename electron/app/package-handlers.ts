// The review-package channels of the contract over PackageService: export a 送审包 or a 审核决定包
// as a file to save, take one in, and the keys this installation signs with and trusts. Who may do
// what is the service's to decide (shared/permissions.ts); a refused import reaches the window as
// an ApiError whose code is the reason (tampered, unknown-signer, replayed, out-of-order).
import type { MishenApi } from '../../shared/api-contract';
import { PACKAGE_KIND_LABELS, type PackageImportResult, type TrustedInstallationInfo } from '../../shared/package-api';
import type { UserInfo } from '../../shared/records';
import type { PackageService, TrustedInstallation } from '../services/package-service';
import type { RecordsService } from '../services/records-service';
import { safeFileName } from './safe-file-name';

export type PackageChannel = Extract<keyof MishenApi, `packages/${string}`>;

const bytesOf = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

const trustedInfo = (t: TrustedInstallation): TrustedInstallationInfo => ({ fingerprint: t.fingerprint, label: t.label, byFingerprintOnly: t.pem === null, addedAt: t.addedAt });

export function createPackageHandlers(packages: PackageService, records: RecordsService, requireUser: () => UserInfo): Pick<MishenApi, PackageChannel> {
  return {
    'packages/export': async (documentId) => {
      const user = requireUser();
      const p = user.role === 'office-reviewer' ? packages.exportDecision(user, documentId) : packages.exportReview(user, documentId);
      const doc = records.getDocument(user, documentId);
      return { name: safeFileName(`${PACKAGE_KIND_LABELS[p.kind]}-${doc.title}-第${doc.latestVersion.number}版.mspkg`), bytes: bytesOf(p.bytes) };
    },
    'packages/import': async (file): Promise<PackageImportResult> => {
      const user = requireUser();
      const r = packages.importPackage(user, file.bytes);
      const doc = records.getDocument(user, r.documentId);
      const what = PACKAGE_KIND_LABELS[r.kind];
      return {
        kind: r.kind,
        documentId: r.documentId,
        title: doc.title,
        state: r.state,
        summary: `签名与哈希校验通过，已导入「${r.senderLabel}」的${what}：「${doc.title}」第 ${doc.latestVersion.number} 版，现为「${r.state}」。`,
      };
    },
    'packages/list': async (documentId) =>
      packages.listPackages(requireUser(), documentId).map((p) => ({ packageId: p.packageId, kind: p.kind, direction: p.direction, documentId: p.documentId, versionId: p.versionId, recordedAt: p.recordedAt })),
    'packages/installation-key': async () => {
      const { pem, fingerprint } = packages.installationKey(requireUser());
      return { pem, fingerprint };
    },
    'packages/trust': async (keyOrFingerprint, label) => trustedInfo(packages.trustInstallation(requireUser(), keyOrFingerprint, label)),
    'packages/trusted': async () => packages.listTrustedInstallations(requireUser()).map(trustedInfo),
  };
}
