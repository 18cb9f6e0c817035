// How the window says a package's direction.
import type { PackageInfo } from '../../../shared/package-api';

export const DIRECTION_LABELS: Readonly<Record<PackageInfo['direction'], string>> = { sent: '发出', received: '收到' };
