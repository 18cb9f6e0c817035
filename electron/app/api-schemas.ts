// The arguments of every channel, checked at the boundary with zod. The window is trusted code,
// but a compromised or buggy page must not be able to hand the service a 2 GB string, an object
// where a string belongs, or a role that does not exist. One tuple schema per channel of CHANNELS.
import { z } from 'zod';
import type { Channel, MishenApi } from '../../shared/api-contract';
import { DOCUMENT_STATES, LEGAL_BASES, OUTCOMES, PUBLICATION_MODES, ROLES, SIGNOFF_STEPS, type DispositionAction } from '../../shared/records';

/** The largest file the readers accept (read-document.ts refuses more anyway). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

const DISPOSITION_ACTIONS: readonly DispositionAction[] = ['fixed', 'false-positive', 'keep', 'must-fix'];

/** Ids are UUIDs or similar; 100 characters is far more than any id the store makes. */
const id = z.string().min(1).max(100);
const short = (max: number) => z.string().max(max);
const text = z.string().max(4000);
const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

const bytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength <= MAX_IMPORT_BYTES, { message: `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MiB` });

type Args<C extends Channel> = Parameters<MishenApi[C]>;

/** One schema per channel; the type ties each schema's output to the contract's parameters. */
export const API_SCHEMAS: { readonly [C in Channel]: z.ZodType<Args<C>> } = {
  'session/login': z.tuple([short(64).min(1), short(256).min(1)]),
  'session/logout': z.tuple([]),
  'session/current': z.tuple([]),

  'documents/list': z.tuple([z.strictObject({ state: enumOf(DOCUMENT_STATES).optional(), search: short(200).optional() })]),
  'documents/get': z.tuple([id]),
  'documents/import': z.tuple([
    z.strictObject({ name: short(255).min(1), bytes }),
    z.strictObject({ title: short(200).optional(), docNumber: short(100).optional(), documentId: id.optional() }),
  ]),
  'documents/preview': z.tuple([id]),
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
      decision: z.enum(['approve', 'return']),
      opinion: text,
      outcome: enumOf(OUTCOMES).optional(),
      // Free text in the service, but the window offers the three articles; a longer value is not one of them.
      legalBasis: short(Math.max(200, ...LEGAL_BASES.map((b) => b.length))).optional(),
    }),
  ]),

  'review-form/html': z.tuple([id]),
  'review-form/save-pdf': z.tuple([id]),

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

  'dictionary/entries': z.tuple([]),
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
export function parseArgs<C extends Channel>(channel: C, args: readonly unknown[]): Args<C> {
  const schema = API_SCHEMAS[channel] as z.ZodType<Args<C>> | undefined;
  if (!schema) throw new Error(`未知的调用「${String(channel)}」`);
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new Error(`调用「${channel}」的参数不合法：${describeIssue(parsed.error.issues[0]!)}`);
  return parsed.data;
}
