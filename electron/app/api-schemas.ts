// The arguments of every channel, checked at the boundary with zod. The window is trusted code,
// but a compromised or buggy page must not be able to hand the service a 2 GB string, an object
// where a string belongs, or a role that does not exist. One tuple schema per channel of CHANNELS.
import { z } from 'zod';
import type { Channel, MishenApi } from '../../shared/api-contract';
import { DICTIONARY_EXPORT_FORMATS } from '../../shared/dictionary-api';
import { SEVERITY_ROLES } from '../../shared/dictionary/roles';
import { BOUNDARY_MODES, VALIDATOR_NAMES } from '../../shared/dictionary/types';
import { SEVERITIES } from '../../shared/findings';
import {
  DISPOSITION_ACTIONS,
  DOCUMENT_STATES,
  LEGAL_BASES,
  OUTCOMES,
  PROPOSAL_STATUSES,
  PUBLICATION_MODES,
  ROLES,
  SIGN_DECISIONS,
  SIGNOFF_STEPS,
} from '../../shared/records';
import { MAX_FILE_BYTES } from '../ingest/read-regular-file';

/** Ids are UUIDs or similar; 100 characters is far more than any id the store makes. */
const id = z.string().min(1).max(100);
const short = (max: number) => z.string().max(max);
const text = z.string().max(4000);
const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

const bytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength <= MAX_FILE_BYTES, { message: `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MiB` });

type Args<C extends Channel> = Parameters<MishenApi[C]>;

const file = z.strictObject({ name: short(255).min(1), bytes });
const reviewFormOptions = z.strictObject({ infoAnnex: z.boolean().optional() });
const versionNumber = z.number().int().min(1).max(1_000_000_000);
/** A dictionary of 100,000 entries is the size the window is built for; twice that is still fine. */
const MAX_EDITS = 200_000;
const severity = enumOf(SEVERITIES);
const category = short(40);
const databaseSettings = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file') }),
  z.strictObject({ kind: z.literal('server'), url: short(500).regex(/^postgres(ql)?:\/\//), caFile: short(1000).optional() }),
]);
const entryFields = {
  term: short(500).optional(),
  pattern: short(2000).optional(),
  category,
  severity,
  note: short(1000).optional(),
  kind: short(100).optional(),
  boundary: enumOf(BOUNDARY_MODES).optional(),
  validator: enumOf(VALIDATOR_NAMES).optional(),
  context: short(100).optional(),
  severityByRole: z.strictObject(Object.fromEntries(SEVERITY_ROLES.map((r) => [r, severity.optional()]))).optional(),
  standaloneOnly: z.boolean().optional(),
  headOnly: z.boolean().optional(),
};
const entryEdit = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), entry: z.strictObject({ type: z.enum(['term', 'pattern']).optional(), id: short(600).optional(), ...entryFields }) }),
  z.strictObject({ op: z.literal('update'), id: short(600).min(1), change: z.strictObject({ ...entryFields, category: category.optional(), severity: severity.optional() }) }),
  z.strictObject({ op: z.enum(['disable', 'enable', 'remove']), id: short(600).min(1) }),
]);
const allowEdit = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), allow: z.strictObject({ id: short(600).optional(), term: short(500).min(1), categories: z.array(category).max(50), note: short(1000).optional() }) }),
  z.strictObject({ op: z.literal('remove'), id: short(600).min(1) }),
]);

/** One schema per channel; the type ties each schema's output to the contract's parameters. */
export const API_SCHEMAS: { readonly [C in Channel]: z.ZodType<Args<C>> } = {
  'session/login': z.tuple([short(64).min(1), short(256).min(1)]),
  'session/logout': z.tuple([]),
  'session/current': z.tuple([]),
  'session/needs-setup': z.tuple([]),
  'session/setup-admin': z.tuple([short(64).min(1), short(64).min(1), short(256).min(1)]),
  'settings/database': z.tuple([]),
  'settings/database-test': z.tuple([databaseSettings, short(256).optional()]),
  'settings/database-save': z.tuple([databaseSettings, short(256).optional()]),
  'connection/state': z.tuple([]),

  'documents/list': z.tuple([z.strictObject({ state: enumOf(DOCUMENT_STATES).optional(), search: short(200).optional() })]),
  'documents/get': z.tuple([id]),
  'documents/import': z.tuple([
    file,
    z.strictObject({
      title: short(200).optional(),
      docNumber: short(100).optional(),
      documentId: id.optional(),
      publicationMode: enumOf(PUBLICATION_MODES).optional(),
      channel: short(200).optional(),
      scope: short(200).optional(),
      publishTime: short(100).optional(),
      progressToken: id.optional(),
    }),
  ]),
  'documents/import-progress': z.tuple([id]),
  'documents/model': z.tuple([id]),
  'documents/content': z.union([z.tuple([id]), z.tuple([id, short(500)])]),
  'documents/set-publication': z.tuple([
    id,
    z.strictObject({ publicationMode: enumOf(PUBLICATION_MODES), channel: short(200), scope: short(200), publishTime: short(100) }),
  ]),

  'findings/dispose': z.tuple([id, enumOf(DISPOSITION_ACTIONS), text]),
  'findings/propose-allow': z.tuple([id, text]),

  'signoff/sign': z.tuple([
    id,
    z.strictObject({
      step: enumOf(SIGNOFF_STEPS),
      decision: enumOf(SIGN_DECISIONS),
      opinion: text,
      outcome: enumOf(OUTCOMES).optional(),
      // Free text in the service, but the window offers the three articles; a longer value is not one of them.
      legalBasis: short(Math.max(200, ...LEGAL_BASES.map((b) => b.length))).optional(),
    }),
  ]),

  'review-form/html': z.union([z.tuple([id]), z.tuple([id, reviewFormOptions])]),
  'review-form/save-pdf': z.union([z.tuple([id]), z.tuple([id, reviewFormOptions])]),

  'audit/list': z.tuple([z.number().int().min(1).max(10_000)]),
  'audit/verify': z.tuple([]),

  'users/list': z.tuple([]),
  'users/create': z.tuple([
    z.strictObject({
      username: short(64).min(1),
      displayName: short(64).min(1),
      role: enumOf(ROLES),
      division: short(100).min(1),
      password: short(256),
    }),
  ]),

  'users/update': z.tuple([
    id,
    z.strictObject({ role: enumOf(ROLES).optional(), division: short(100).min(1).optional(), disabled: z.boolean().optional(), password: short(256).optional() }),
  ]),

  'dictionary/entries': z.tuple([]),
  'dictionary/active': z.tuple([]),
  'dictionary/versions': z.tuple([]),
  'dictionary/version': z.tuple([versionNumber]),
  'dictionary/diff': z.tuple([versionNumber, versionNumber]),
  'dictionary/apply-edits': z.tuple([
    z.strictObject({ entries: z.array(entryEdit).max(MAX_EDITS), allow: z.array(allowEdit).max(MAX_EDITS) }),
    text,
    versionNumber,
  ]),
  'dictionary/rollback': z.tuple([versionNumber, text]),
  'dictionary/import-preview': z.tuple([file]),
  'dictionary/import-apply': z.tuple([file, text, versionNumber]),
  'dictionary/export': z.union([z.tuple([enumOf(DICTIONARY_EXPORT_FORMATS)]), z.tuple([enumOf(DICTIONARY_EXPORT_FORMATS), versionNumber])]),
  'dictionary/package-export': z.union([z.tuple([]), z.tuple([versionNumber])]),
  'dictionary/package-import': z.tuple([file]),
  'dictionary/public-key': z.tuple([]),
  'dictionary/trust-key': z.tuple([short(20_000).min(1), short(100)]),
  'dictionary/trusted-keys': z.tuple([]),
  'dictionary/proposals': z.union([z.tuple([]), z.tuple([enumOf(PROPOSAL_STATUSES)])]),
  'dictionary/proposal-accept': z.union([z.tuple([id, text]), z.tuple([id, text, short(500)])]),
  'dictionary/proposal-reject': z.tuple([id, text]),
  // One document's blocks at a time: 20,000 paragraphs, none longer than a PDF page can be.
  'dictionary/segment': z.tuple([z.array(z.string().max(200_000)).max(20_000)]),
  'dictionary/extract': z.tuple([file]),

  'packages/export': z.tuple([id]),
  'packages/import': z.tuple([file]),
  'packages/list': z.union([z.tuple([]), z.tuple([id])]),
  'packages/installation-key': z.tuple([]),
  // A PEM is a few hundred characters; a fingerprint 64.
  'packages/trust': z.tuple([short(20_000).min(1), short(100)]),
  'packages/trusted': z.tuple([]),
};

/** What went wrong, in words the window can show: which argument, and why. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const [index, ...rest] = issue.path;
  const where = typeof index === 'number' ? `第 ${index + 1} 个参数${rest.length ? `的「${rest.join('.')}」` : ''}` : '参数个数';
  switch (issue.code) {
    case 'invalid_type':
      return `${where}类型不对（应为 ${issue.expected}）`;
    case 'too_big':
      return typeof index === 'number' ? `${where}过长或过大` : '参数过多';
    case 'too_small':
      return typeof index === 'number' ? `${where}为空或过小` : '参数不足';
    case 'invalid_value':
      return `${where}不是允许的值`;
    case 'unrecognized_keys':
      return `${where}含有未知字段（${issue.keys.join('、')}）`;
    default:
      return `${where}不合法${issue.message ? `：${issue.message}` : ''}`;
  }
}

/** Checks the arguments of one call; throws an Error with a Chinese message naming the channel. */
export function checkCallArgs<C extends Channel>(channel: C, args: readonly unknown[]): Args<C> {
  const schema = API_SCHEMAS[channel] as z.ZodType<Args<C>> | undefined;
  if (!schema) throw new Error(`未知的调用「${String(channel)}」`);
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new Error(`调用「${channel}」的参数不合法：${describeIssue(parsed.error.issues[0]!)}`);
  return parsed.data;
}
