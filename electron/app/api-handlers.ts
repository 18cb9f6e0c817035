// The window's calls (shared/api-contract.ts) answered by the review service. Plain Node, no
// Electron: the app runs it in a worker thread, the end-to-end tests wire it straight to the page.
// Every call's arguments are checked here (api-schemas.ts) and every call except session/* needs a
// signed-in user, re-read from the database each time so that a disabled account or a changed role
// takes effect at once, not at the next login.
import type { AuditRow, Channel, MishenApi } from '../../shared/api-contract';
import type { DictionaryEntry } from '../../shared/dictionary/types';
import type { Segmenter } from '../../shared/engine/word-boundary';
import { ROLE_LABELS, type Role, type UserInfo } from '../../shared/records';
import { verificationLines } from '../integrity/verification-text';
import { DictionaryService } from '../review/dictionary-service';
import type { RecordsService } from '../review/records-service';
import { renderReviewForm } from '../review/review-form';
import { jiebaSegmenter } from '../segment/jieba-segmenter';
import { listAudit } from '../store/audit-log';
import { findUser, listUsers } from '../store/users-repo';
import { ApiError, asApiError } from './api-error';
import { createDictionaryHandlers } from './dictionary-handlers';
import { createDocumentHandlers } from './document-handlers';
import { safeFileName } from './safe-file-name';
import { parseArgs } from './api-schemas';

export interface ApiDeps {
  readonly service: RecordsService;
  /** The dictionary set in use (for the security officer's screens and the live tester). */
  readonly dictionaryEntries: () => DictionaryEntry[];
  /** Prints the 审查单 to PDF and asks where to save it; resolves to the path, or null if cancelled. */
  readonly savePdf?: (html: string, suggestedName: string) => Promise<string | null>;
  /** Dictionary custody on the same database; default a DictionaryService over `service.db`. */
  readonly dictionary?: DictionaryService;
  /** jieba, for the live tester's word boundaries; default the one scans use. */
  readonly segment?: Segmenter;
}

export { ApiError, safeFileName };

/** The account the CLI records its own scans under: not a person, so not a reason to skip setup. */
const CLI_USER = 'mishen-cli';

const NOT_SIGNED_IN = '请先登录。';
const AUDIT_ROLES: readonly Role[] = ['security-officer', 'admin'];

export function createApiHandlers(deps: ApiDeps): MishenApi {
  const { service } = deps;
  let currentUserId: string | undefined;

  /** The signed-in user as the database has them now; a disabled or deleted account ends the session. */
  function currentUser(): UserInfo | undefined {
    if (currentUserId === undefined) return undefined;
    const user = findUser(service.db, currentUserId);
    if (!user || user.disabled) {
      currentUserId = undefined;
      return undefined;
    }
    return user;
  }

  function requireUser(): UserInfo {
    const user = currentUser();
    if (!user) throw new ApiError(NOT_SIGNED_IN, 'not-signed-in');
    return user;
  }

  function requireRole(user: UserInfo, roles: readonly Role[], what: string): void {
    if (!roles.includes(user.role)) {
      throw new ApiError(`${ROLE_LABELS[user.role]}不能${what}（须为${roles.map((r) => ROLE_LABELS[r]).join('或')}）。`, 'wrong-role');
    }
  }

  const api: MishenApi = {
    'session/login': async (username, password) => {
      currentUserId = undefined;
      const user = service.login(username, password);
      currentUserId = user.id;
      return user;
    },
    'session/logout': async () => {
      if (currentUserId !== undefined) service.logout(currentUserId);
      currentUserId = undefined;
    },
    'session/current': async () => currentUser() ?? null,
    'session/needs-setup': async () => !listUsers(service.db).some((u) => u.username !== CLI_USER),
    'session/setup-admin': async (username, displayName, password) => {
      // bootstrapAdmin refuses once anyone exists, so this cannot make a second administrator.
      currentUserId = undefined;
      const user = service.bootstrapAdmin(username.trim(), displayName.trim(), password);
      currentUserId = user.id;
      return user;
    },

    'documents/list': async (filter) => service.listDocuments(requireUser(), filter),
    'documents/get': async (documentId) => service.getDocument(requireUser(), documentId),
    'documents/set-publication': async (documentId, publication) => service.setPublication(requireUser(), documentId, publication),

    'findings/dispose': async (findingId, action, reason) => service.dispose(requireUser(), findingId, action, reason),
    'findings/propose-allow': async (findingId, reason) => service.proposeAllow(requireUser(), findingId, reason),

    'signoff/sign': async (versionId, input) => service.sign(requireUser(), versionId, input),

    'review-form/html': async (documentId, options) => renderReviewForm(service.getDocument(requireUser(), documentId), { ...options, chainHead: service.chainHead() }),
    'review-form/save-pdf': async (documentId, options) => {
      const detail = service.getDocument(requireUser(), documentId);
      if (!deps.savePdf) throw new ApiError('此环境不能生成 PDF。', 'no-pdf');
      return deps.savePdf(renderReviewForm(detail, { ...options, chainHead: service.chainHead() }), safeFileName(`保密审查单-${detail.title}.pdf`));
    },

    'audit/list': async (limit): Promise<AuditRow[]> => {
      requireRole(requireUser(), AUDIT_ROLES, '查看审计日志');
      return listAudit(service.db, limit).map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, details: e.details }));
    },
    'audit/verify': async () => {
      requireRole(requireUser(), AUDIT_ROLES, '校验审计日志');
      const report = await service.verifyRecords();
      const { summary, problems } = verificationLines(report);
      return { ok: report.ok, entries: report.entries, message: [...problems, ...summary].join('\n') };
    },

    // The command line's own account records CLI scans; it is not a person to manage.
    'users/list': async () => service.listUsers(requireUser()).filter((u) => u.username !== CLI_USER),
    'users/create': async (user) => service.createUser(requireUser(), user),
    'users/update': async (userId, change) => service.updateUser(requireUser(), userId, change),

    ...createDocumentHandlers(service, requireUser),

    ...createDictionaryHandlers({
      dictionary: deps.dictionary ?? new DictionaryService(service.db),
      segment: deps.segment ?? jiebaSegmenter,
      requireUser,
      dictionaryEntries: deps.dictionaryEntries,
    }),
  };

  // Every channel: arguments checked first, then the call; every failure becomes an ApiError.
  const guarded = {} as Record<Channel, (...args: unknown[]) => Promise<unknown>>;
  for (const channel of Object.keys(api) as Channel[]) {
    const call = api[channel] as (...args: unknown[]) => Promise<unknown>;
    guarded[channel] = async (...args: unknown[]) => {
      let checked: unknown[];
      try {
        checked = parseArgs(channel, args) as unknown[];
      } catch (error) {
        throw new ApiError((error as Error).message, 'invalid-arguments');
      }
      try {
        return await call(...checked);
      } catch (error) {
        throw asApiError(error);
      }
    };
  }
  return guarded as unknown as MishenApi;
}
