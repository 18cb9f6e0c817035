// What the window sees of review packages (送审包): the answers of the 'packages/*' channels. The
// files themselves are made, signed and checked in the main process (electron/packages/).
import type { DocumentState } from './records';

export const PACKAGE_KINDS = ['review', 'decision'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

/** How a package is called, in the window, the command line and the service's sentences alike. */
export const PACKAGE_KIND_LABELS: Readonly<Record<PackageKind, string>> = { review: '送审包', decision: '审核决定包' };

/** A package taken in: which document it brought, and a sentence for the user. */
export interface PackageImportResult {
  readonly kind: PackageKind;
  readonly documentId: string;
  readonly title: string;
  /** The document's state here after the import. */
  readonly state: DocumentState;
  /** What happened, in Chinese: whose package, which version, the state now. */
  readonly summary: string;
}

/** A package this installation sent or took. */
export interface PackageInfo {
  readonly packageId: string;
  readonly kind: PackageKind;
  readonly direction: 'sent' | 'received';
  readonly documentId: string;
  readonly versionId: string;
  readonly recordedAt: string;
}

/** This installation's key for review packages, to be given to the other side. */
export interface InstallationKeyInfo {
  readonly pem: string;
  readonly fingerprint: string;
}

/** Another installation whose packages are taken here. */
export interface TrustedInstallationInfo {
  readonly fingerprint: string;
  readonly label: string;
  /** Trusted by its fingerprint alone (read over the telephone), without the key file. */
  readonly byFingerprintOnly: boolean;
  readonly addedAt: string;
}
