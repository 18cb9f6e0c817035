// The window's calls (shared/api-contract.ts) answered by the services (open-services.ts). Plain
// Node, no Electron: the app runs it in a worker thread, the end-to-end tests wire it straight to
// the page. Every call's arguments are checked here (api-schemas.ts) and every call except
// session/* needs a signed-in user, re-read from the database each time so that a disabled account
// or a changed role takes effect at once, not at the next login. Who may do what is the services'
// to decide (shared/permissions.ts); nothing here checks a role.
import type { AuditRow, Channel, RecordsApi } from '../../shared/api-contract';
import type { Segmenter } from '../../shared/engine/word-boundary';
import type { UserInfo } from '../../shared/records';
import { verificationLines } from '../integrity/verification-text';
import type { Services } from '../services/open-services';
import { renderReviewForm } from '../forms/review-form';
import { jiebaSegmenter } from '../segment/jieba-segmenter';
import { ApiError, asApiError } from './api-error';
import { createDictionaryHandlers } from './dictionary-handlers';
import { createDocumentHandlers } from './document-handlers';
import { createPackageHandlers } from './package-handlers';
import { safeFileName } from './safe-file-name';
import { checkCallArgs } from './api-schemas';

export interface ApiDeps {
  readonly services: Services;
  /** Prints the 审查单 to PDF and asks where to save it; resolves to the path, or null if cancelled. */
  readonly savePdf?: (html: string, suggestedName: string) => Promise<string | null>;
  /** jieba, for the live tester's word boundaries; default the one scans use. */
  readonly segment?: Segmenter;
}

export { ApiError, safeFileName };

const NOT_SIGNED_IN = '请先登录。';

export function createApiHandlers(deps: ApiDeps): RecordsApi {
  const { records: service, dictionary, scanKits } = deps.services;
  let currentUserId: string | undefined;

  /** The signed-in user as the database has them now; a disabled or deleted account ends the session. */
  function currentUser(): UserInfo | undefined {
    if (currentUserId === undefined) return undefined;
    const user = service.activeUser(currentUserId);
    if (!user) currentUserId = undefined;
    return user;
  }

  function requireUser(): UserInfo {
    const user = currentUser();
    if (!user) throw new ApiError(NOT_SIGNED_IN, 'not-signed-in');
    return user;
  }

  const api: RecordsApi = {
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
    'session/needs-setup': async () => service.needsSetup(),
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

    'audit/list': async (limit): Promise<AuditRow[]> =>
      service.listAudit(requireUser(), limit).map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, details: e.details })),
    'audit/verify': async () => {
      const report = await service.verifyRecords(requireUser());
      const { summary, problems } = verificationLines(report);
      return { ok: report.ok, entries: report.entries, message: [...problems, ...summary].join('\n') };
    },

    'users/list': async () => service.listUsers(requireUser()),
    'users/create': async (user) => service.createUser(requireUser(), user),
    'users/update': async (userId, change) => service.updateUser(requireUser(), userId, change),

    ...createDocumentHandlers(service, requireUser),

    ...createPackageHandlers(deps.services.packages, service, requireUser),

    ...createDictionaryHandlers({
      dictionary,
      segment: deps.segment ?? jiebaSegmenter,
      requireUser,
      // What scans use: the active version (and, on the command line, the --dict lists on top).
      dictionaryEntries: () => [...scanKits.spec().spec.set.entries],
    }),
  };

  return guardCalls(api);
}

/** Every channel of `api`: arguments checked first, then the call; every failure becomes an ApiError. */
export function guardCalls<A extends Partial<Record<Channel, unknown>>>(api: A): A {
  const guarded = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const channel of Object.keys(api) as Channel[]) {
    const call = api[channel] as (...args: unknown[]) => Promise<unknown>;
    guarded[channel] = async (...args: unknown[]) => {
      let checked: unknown[];
      try {
        checked = checkCallArgs(channel, args) as unknown[];
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
  return guarded as unknown as A;
}
