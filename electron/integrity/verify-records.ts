// `audit verify`: proves the record, from a RecordSource (store/sqlite-record-source.ts; any database
// engine can provide one). Streams everything — the audit entries, then each kind's rows — and keeps
// only counts and the first problems in memory. It checks:
//   1. the hash chain of the audit log, entry by entry, against the anchor file beside the database
//      and against any chain head printed on paper (`--expect SEQ:HASH`);
//   2. every record row against its latest binding entry (a changed row, a row with no entry), the
//      self-consistency of what can be recomputed (file bytes, dictionary content, key fingerprints),
//      and the signature of every sign-off and disposition against the key its signer had then;
//   3. every binding entry whose row is gone, and findings that belong to no scan.
// Each problem is one Chinese sentence that names the record as a person would.
import { parseNativeDictionary } from '../../shared/dictionary/native';
import { canonicalHash } from '../dictionary/canonical-hash';
import { keyFingerprint } from '../dictionary/signing-key';
import { createPublicKey, type KeyObject } from 'node:crypto';
import type { AnchorItem, AnchorReading } from './anchor-lines';
import { GENESIS_HASH, chainBreak, type StoredAuditRow } from './audit-chain';
import {
  changedText,
  checkAgainstBinding,
  recordHash,
  recordedBy,
  recordedValues,
  type Binding,
  type RecordedValues,
  type Row,
} from './canonical-record';
import { describeEntry, describeRecord, type NamingLookups } from './describe-record';
import { RECORD_KINDS, isRecordKindName, recordKind, type RecordKind } from './record-kinds';
import { signaturePayload, verifyPayload } from './record-signature';

type Awaitable<T> = T | Promise<T>;
type Rows<T> = Iterable<T> | AsyncIterable<T>;

export interface UserKeyRecord {
  readonly userId: string;
  readonly publicKey: string;
  readonly createdAt: string;
}

/** What verification reads. Every method is plain reads; `rows` and the lists stream. */
export interface RecordSource extends NamingLookups {
  readonly auditEntries: () => Rows<StoredAuditRow>;
  readonly auditCount: () => Awaitable<number>;
  readonly rowCount: (kind: RecordKind) => Awaitable<number>;
  readonly rows: (kind: RecordKind) => Rows<Row>;
  readonly row: (kind: RecordKind, key: string) => Awaitable<Row | undefined>;
  readonly latestBinding: (kind: RecordKind, key: string) => Awaitable<Binding | undefined>;
  /** The latest binding entry of every key of the kind that has no row any more. */
  readonly bindingsWithoutRow: (kind: RecordKind) => Rows<{ readonly key: string; readonly binding: Binding }>;
  readonly orphanFindings: () => Rows<{ readonly id: string; readonly match: string }>;
  /** The SHA-256 of the file a sign-off (by its version) or a disposition (by its finding) is about. */
  readonly signedFileSha256: (kind: RecordKind, row: Row) => Awaitable<string | undefined>;
  readonly userKey: (keyId: string) => Awaitable<UserKeyRecord | undefined>;
  /** Whether the user registered another key after `after` and no later than `upTo`. */
  readonly keyReplacedBetween: (userId: string, after: string, upTo: string) => Awaitable<boolean>;
  /** Enabled users who have no signing key yet (made before the upgrade, not signed in since). */
  readonly usersWithoutKey: () => Rows<{ readonly username: string; readonly displayName: string }>;
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export interface AnchorInput {
  readonly file: string;
  /** undefined: the file does not exist. */
  readonly reading: AnchorReading | undefined;
  /** The database's installation id, which the anchor's first line must name. */
  readonly installationId: string;
  /**
   * A department's server, which other desktops write too: entries after this desktop's anchor
   * are theirs, not appended behind the program's back.
   */
  readonly shared?: boolean;
}

export interface VerifyOptions {
  /** Chain heads printed on 审查单 or registers: entry `seq` must have a hash starting with `hash`. */
  readonly expect?: readonly ChainHead[];
  readonly anchor?: AnchorInput;
  readonly progress?: (p: { readonly stage: string; readonly done: number; readonly total: number }) => void;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly entries: number;
  readonly head: ChainHead | undefined;
  /** The first problems found (at most MAX_LISTED), each a sentence. */
  readonly problems: readonly string[];
  readonly problemCount: number;
  /** What is worth knowing and is not tampering (records from before the upgrade). */
  readonly notes: readonly string[];
  readonly rows: readonly { readonly label: string; readonly count: number }[];
  readonly signatures: { readonly signoffs: number; readonly dispositions: number };
  readonly anchorFile: string | undefined;
  readonly expected: readonly ChainHead[];
}

const MAX_LISTED = 200;
const PROGRESS_EVERY = 2000;

export async function verifyRecords(source: RecordSource, options: VerifyOptions = {}): Promise<VerifyReport> {
  const problems: string[] = [];
  let problemCount = 0;
  const problem = (message: string) => {
    problemCount++;
    if (problems.length < MAX_LISTED) problems.push(message);
  };
  const progress = (stage: string, done: number, total: number) => options.progress?.({ stage, done, total });
  const notes: string[] = [];

  const chain = await checkChain(source, options, problem, (m) => notes.push(m), progress);
  const rows: { label: string; count: number }[] = [];
  const signatures = { signoffs: 0, dispositions: 0 };
  const unsigned = { signoffs: 0, dispositions: 0 };
  // Parsed once per key, not once per signature (there are a few keys per user, and many signatures).
  const publicKeys = new Map<string, KeyObject | undefined>();

  for (const kind of RECORD_KINDS) {
    const total = await source.rowCount(kind);
    let done = 0;
    for await (const row of source.rows(kind)) {
      const values = recordedValues(kind, row);
      const binding = await source.latestBinding(kind, String(row[kind.key]));
      const check = checkAgainstBinding(kind, values, binding);
      // Named as the audit log recorded it (who really signed), not as it reads now.
      const name = () => describeRecord(kind, (binding && recordedBy(binding)) ?? values, source);
      if (!check.ok) {
        problem('missingEntry' in check ? `${await name()}没有审计记录（绕过本软件写入数据库的记录）` : `${await name()}与审计记录不符：${changedText(check.changed)}`);
      }
      const inconsistency = selfCheck(kind, row, values);
      if (inconsistency) problem(`${await name()}${inconsistency}`);
      if (kind.signed) {
        const outcome = await checkSignature(source, kind, row, values, binding, chain.migration, publicKeys);
        const counter = kind.name === 'signoff' ? 'signoffs' : 'dispositions';
        if (outcome === 'valid') signatures[counter]++;
        else if (outcome === 'before-upgrade') unsigned[counter]++;
        else problem(`${await name()}${outcome}`);
      }
      if (++done % PROGRESS_EVERY === 0) progress(kind.label, done, total);
    }
    progress(kind.label, done, total);
    rows.push({ label: kind.label, count: done });

    for await (const { key, binding } of source.bindingsWithoutRow(kind)) {
      const recorded = recordedBy(binding) ?? { [kind.key]: key };
      problem(`审计记录第 ${binding.seq} 条记载的${await describeRecord(kind, recorded, source)}已不在数据库中（被删除）`);
    }
  }
  for await (const f of source.orphanFindings()) problem(`发现「${f.match}」（${f.id.slice(0, 8)}…）不属于任何扫描结果（绕过本软件写入数据库的记录）`);

  if (unsigned.signoffs + unsigned.dispositions > 0) {
    notes.push(
      `升级前的 ${unsigned.signoffs} 份签批、${unsigned.dispositions} 条处置没有电子签名（旧版本不签名）；其内容已与升级时补记的审计记录核对一致。`,
    );
  }
  const keyless: string[] = [];
  for await (const u of source.usersWithoutKey()) keyless.push(`${u.displayName}（${u.username}）`);
  if (keyless.length > 0) notes.push(`以下用户在升级后尚未登录，还没有签名密钥（下次登录时生成）：${keyless.join('、')}。`);

  return {
    ok: problemCount === 0,
    entries: chain.entries,
    head: chain.head,
    problems,
    problemCount,
    notes,
    rows,
    signatures,
    anchorFile: options.anchor?.file,
    expected: options.expect ?? [],
  };
}

// ---- 1. the chain, its anchor, the printed heads ------------------------------------------------

async function checkChain(
  source: RecordSource,
  options: VerifyOptions,
  problem: (m: string) => void,
  note: (m: string) => void,
  progress: (stage: string, done: number, total: number) => void,
): Promise<{ entries: number; head: ChainHead | undefined; migration: MigrationBlock | undefined }> {
  const total = await source.auditCount();
  const anchor = options.anchor;
  const anchorName = anchor ? `锚定文件「${anchor.file}」` : '';
  let lines: Iterator<AnchorItem> | undefined;
  if (anchor && !anchor.reading) problem(`找不到${anchorName}（被删除或未随数据库复制）：无法证明数据库末尾未被截去或替换`);
  if (anchor?.reading) {
    if (anchor.reading.installationId !== anchor.installationId) {
      problem(`${anchorName}属于另一个数据库（安装编号不符）：数据库可能被整个换成了另一份`);
    } else {
      lines = anchor.reading.items[Symbol.iterator]();
    }
  }
  const expected = new Map((options.expect ?? []).map((e) => [e.seq, e.hash.toLowerCase()]));

  let prev = GENESIS_HASH;
  let entries = 0;
  let head: ChainHead | undefined;
  let chainReported = false;
  let anchorReported = false;
  let unanchored: { from: number; to: number } | undefined;
  let line = lines?.next();
  // The entries the upgrade to record binding wrote: its 'migration' entry and the run of
  // 'migration.bind' entries right after it. Only these may vouch for an unsigned sign-off.
  let migration: { from: number; to: number; at: string; open: boolean } | undefined;
  const describe = async (e: StoredAuditRow) => {
    const kind = e.record_kind && isRecordKindName(e.record_kind) ? recordKind(e.record_kind) : undefined;
    const recorded = kind && recordedBy({ details: e.details } as Binding);
    return kind && recorded ? `审计记录第 ${e.seq} 条（${await describeRecord(kind, recorded, source)}）` : describeEntry(e);
  };

  for await (const e of source.auditEntries()) {
    entries++;
    const reason = chainBreak(e, entries, prev);
    if (reason && !chainReported) {
      // Everything after a break follows from it: the first one is the one to look at.
      problem(`审计日志被改动：${await describe(e)}（编号 ${e.id}）${reason}`);
      chainReported = true;
    }
    prev = e.hash;
    head = { seq: Number(e.seq), hash: e.hash };
    if (e.action === 'migration' && !migration) migration = { from: head.seq, to: head.seq, at: e.at, open: true };
    else if (migration?.open) {
      if (e.action === 'migration.bind') migration.to = head.seq;
      else migration.open = false;
    }

    if (lines && line) {
      if (line.done) unanchored = { from: unanchored?.from ?? head.seq, to: head.seq };
      else {
        const a = line.value;
        if (!anchorReported) {
          if ('broken' in a) {
            problem(`${anchorName}第 ${a.lineNo} 行${a.broken}`);
            anchorReported = true;
          } else if (a.seq !== head.seq || a.hash !== e.hash) {
            problem(
              `${await describe(e)}与${anchorName}不符（锚定文件记载第 ${a.seq} 条的哈希为 ${a.hash.slice(0, 16)}…，数据库中为 ${e.hash.slice(0, 16)}…）：` +
                '审计记录被改动后整条哈希链被重算，或数据库被换成了另一份',
            );
            anchorReported = true;
          }
        }
        line = lines.next();
      }
    }
    const want = expected.get(head.seq);
    if (want !== undefined) {
      if (!e.hash.startsWith(want)) {
        problem(`${await describe(e)}的哈希 ${e.hash.slice(0, 16)}… 与审查单所印链头（第 ${head.seq} 条 ${want.slice(0, 16)}…）不符：之前的记录被改动，或数据库被换成了另一份`);
      }
      expected.delete(head.seq);
    }
    if (entries % PROGRESS_EVERY === 0) progress('审计记录', entries, total);
  }
  progress('审计记录', entries, total);

  if (lines && line && !line.done && !anchorReported) {
    const first = line.value;
    let last = first;
    for (let n: IteratorResult<AnchorItem> = line; !n.done; n = lines.next()) last = n.value;
    if ('broken' in first) problem(`${anchorName}第 ${first.lineNo} 行${first.broken}`);
    else {
      const to = 'broken' in last || last.seq === first.seq ? '' : `–${last.seq}`;
      problem(`数据库中缺少${anchorName}记载的第 ${first.seq}${to} 条审计记录：末尾的记录被截去，或数据库被换成了较早的副本`);
    }
  }
  if (unanchored && !anchorReported && anchor?.shared) {
    note(`第 ${unanchored.from}${unanchored.to > unanchored.from ? `–${unanchored.to}` : ''} 条审计记录由其他桌面写入，已随全部记录核对，并补记入本机的${anchorName}。`);
  } else if (unanchored && !anchorReported) {
    problem(
      `第 ${unanchored.from}${unanchored.to > unanchored.from ? `–${unanchored.to}` : ''} 条审计记录未写入${anchorName}：` +
        '有人在数据库末尾追加了记录，或程序在保存后、写锚定文件前中断（此时下次保存会补写）',
    );
  }
  for (const [seq, hash] of expected) {
    problem(`审查单所印链头第 ${seq} 条（${hash.slice(0, 16)}…）在数据库中不存在（共 ${entries} 条）：末尾的记录被截去，或数据库被换成了较早的副本`);
  }
  return { entries, head, migration: migration && { from: migration.from, to: migration.to, at: migration.at } };
}

interface MigrationBlock {
  readonly from: number;
  readonly to: number;
  readonly at: string;
}

// ---- 2. one row ---------------------------------------------------------------------------------

/** What can be recomputed from the row itself and no longer agrees. */
function selfCheck(kind: RecordKind, row: Row, values: RecordedValues): string | undefined {
  switch (kind.name) {
    case 'version':
      return values.content !== row.sha256 ? '的文件内容与其 SHA-256 不符（文件被替换）' : undefined;
    case 'dictionary-version': {
      let hash: string;
      try {
        hash = canonicalHash(parseNativeDictionary(`词库第${row.number}版`, String(row.content)));
      } catch {
        return '的内容无法读取（被改动）';
      }
      return hash !== row.hash ? '的内容与其词库哈希不符（词条被改动）' : undefined;
    }
    case 'user-key':
      return fingerprintOf(String(row.public_key)) !== row.fingerprint ? '的指纹与公钥不符（公钥被替换）' : undefined;
    case 'trusted-key':
      return fingerprintOf(String(row.pem)) !== row.fingerprint ? '的指纹与公钥不符（公钥被替换）' : undefined;
    default:
      return undefined;
  }
}

function parseKey(pem: string): KeyObject | undefined {
  try {
    return createPublicKey(pem);
  } catch {
    return undefined;
  }
}

function fingerprintOf(pem: string): string | undefined {
  const key = parseKey(pem);
  return key && keyFingerprint(key);
}

/** 'valid', 'before-upgrade' (unsigned, bound by the migration), or what is wrong. */
async function checkSignature(
  source: RecordSource,
  kind: RecordKind,
  row: Row,
  values: RecordedValues,
  binding: Binding | undefined,
  migration: MigrationBlock | undefined,
  publicKeys: Map<string, KeyObject | undefined>,
): Promise<string> {
  if (values.signature === null) {
    const at = String(values[kind.name === 'signoff' ? 'signed_at' : 'created_at']);
    const boundByUpgrade = binding && migration && binding.action === 'migration.bind' && binding.seq > migration.from && binding.seq <= migration.to;
    return boundByUpgrade && at < migration.at ? 'before-upgrade' : '没有电子签名（升级后的签批和处置都须由本人签名）';
  }
  const key = await source.userKey(String(values.key_id));
  if (!key || key.userId !== values.user_id) return '的签名公钥不属于签名人（签名人或公钥被替换）';
  const at = String(values[kind.name === 'signoff' ? 'signed_at' : 'created_at']);
  if (key.createdAt > at || (await source.keyReplacedBetween(key.userId, key.createdAt, at))) return '所用的签名公钥不是签名时该用户登记的公钥';
  const file = await source.signedFileSha256(kind, row);
  if (!file) return kind.name === 'signoff' ? '所签批的版本已不存在（被删除）' : '所处置的发现或其文件版本已不存在（被删除）';
  let prevHash: string | null = null;
  if (values.prev_signoff_id !== null) {
    const signoff = recordKind('signoff');
    const prev = await source.row(signoff, String(values.prev_signoff_id));
    if (!prev) return '所接续的上一份签批已不存在（被删除）';
    prevHash = recordHash(signoff, recordedValues(signoff, prev));
  }
  const payload = signaturePayload(kind, values, file, prevHash);
  if (!publicKeys.has(key.publicKey)) publicKeys.set(key.publicKey, parseKey(key.publicKey));
  const publicKey = publicKeys.get(key.publicKey);
  return publicKey && verifyPayload(publicKey, payload, String(values.signature)) ? 'valid' : '的电子签名无效：内容与签名不符（记录被改动或伪造，或所接续的签批被改动）';
}

/** `SEQ:HASH` as printed on a 审查单 (the hash may be shortened to 16 characters or more). */
export function parseChainHead(text: string): ChainHead | undefined {
  const m = /^\s*(\d+)\s*:\s*([0-9a-fA-F]{16,64})\s*$/.exec(text);
  return m ? { seq: Number(m[1]), hash: m[2].toLowerCase() } : undefined;
}
