// The one error the window sees: a Chinese message a person can act on, and a code for tests and
// logic. Service refusals keep both; a refused dictionary package carries its reason as the code.
import { ServiceError } from '../../shared/records';
import { PackageRefusal } from '../dictionary/package';
import { REASON_LABELS, ReviewPackageRefusal } from '../packages/review-package';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** ServiceError keeps its Chinese message and code; anything else becomes an Error a person can read. */
export function asApiError(error: unknown): Error {
  if (error instanceof ApiError) return error;
  // 'tampered', 'unknown-key', 'older-version': what the window and scripts branch on.
  if (error instanceof PackageRefusal) return new ApiError(error.message, error.reason);
  // A refused 送审包: 'tampered', 'unknown-signer', 'replayed', 'out-of-order'; the sentence without the code's English.
  if (error instanceof ReviewPackageRefusal) return new ApiError(`拒绝导入：${REASON_LABELS[error.reason]}。${windowDetail(error.detail)}`, error.reason);
  if (error instanceof ServiceError) return new ApiError(error.message, error.code);
  // The original stays as the cause: desktop-api.ts words a database server's errors from it.
  if (error instanceof Error) return Object.assign(new ApiError(error.message || '操作失败。', 'error'), { cause: error });
  return new ApiError('操作失败。', 'error');
}

/** The refusal's detail as the window says it: no package ids, no command-line advice. */
function windowDetail(detail: string): string {
  const text = detail
    .replace(/\s*(?<![0-9a-f])[0-9a-f]{8}…\s*/g, '')
    .replace(/用 package trust 添加/g, '在「送审包」页面添加信任');
  return /[。！？]$/.test(text) ? text : `${text}。`;
}
