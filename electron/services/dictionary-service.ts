// Dictionary custody for the security officer (保密员): numbered, hashed versions of the whole
// dictionary set; edits, imports, rollbacks and accepted allow-list proposals each make a new
// version; signed packages carry a version from the security office to the divisions. Anyone may
// read the active set; its versions, keys and proposals are kept by the security officer and the
// administrator (shared/permissions.ts). Every change is one transaction together with the audit
// entries that bind its rows (who, what, version number, hash), and is refused there if another
// desktop has saved a version since the change was worked out. A version is used only after its
// content is checked against its hash and its audit entry.
import { dirname } from 'node:path';
import { compileDictionary } from '../../shared/dictionary/compile';
import { diffDictionarySets, type DictionaryDiff } from '../../shared/dictionary/diff';
import { applyAllowEdits } from '../../shared/dictionary/edit-allow';
import { applyEntryEdits, EntryEditError, type EntryEdit, type NewEntry } from '../../shared/dictionary/edit-entries';
import { parseNativeDictionary } from '../../shared/dictionary/native';
import { toNativeJson } from '../../shared/dictionary/serialize';
import { canonicalHash } from '../dictionary/canonical-hash';
import { DictionaryError, type AllowEntry, type DictionarySet } from '../../shared/dictionary/types';
import { setErrors, type SetProblem } from '../../shared/dictionary/validate-entry';
import { normalizeTerm } from '../../shared/text/normalize';
import { mayDo, type RoleAction } from '../../shared/permissions';
import { ServiceError, type ProposalStatus, type UserInfo } from '../../shared/records';
import { exportDictionary, versionTitle, type ExportedDictionary } from '../dictionary/export-formats';
import type { DictionaryChanges, DictionaryExportFormat } from '../../shared/dictionary-api';
import { planImport, type ImportPlan } from '../dictionary/import-plan';
import { readImportFile } from '../dictionary/import-rows';
import { PackageRefusal, readPackage, signPackage, verifyPackage } from '../dictionary/package';
import { createSigningKey, keyFingerprint, parsePublicKeyPem, publicKeyPem, readSigningKey, type SigningKey } from '../dictionary/signing-key';
import { changedText } from '../integrity/canonical-record';
import { appendAudit } from '../store/audit-log';
import type { Db } from '../store/connection';
import * as repo from '../store/dictionary-repo';
import { bindRecord, checkRecord } from '../store/record-binding';
import { recordTransaction } from '../store/record-transaction';
import { listAllowProposals, type AllowProposal } from '../store/scans-repo';
import { loadDictionarySet } from '../dictionary/dictionary-files';
import { enforce } from './enforce';

export type { DictionaryVersionRecord, TrustedKey } from '../store/dictionary-repo';
export type { AllowProposal };

export interface DictionaryVersion extends repo.DictionaryVersionRecord {
  readonly active: boolean;
  readonly set: DictionarySet;
}

export type DictionaryVersionSummary = repo.DictionaryVersionRecord & { readonly active: boolean };

export type ImportPreview = Omit<ImportPlan, 'result'> & { readonly fileName: string; readonly baseVersion: number };

/** A set that may not be saved, with every problem (entry id, file and line, field, message). */
export class DictionaryValidationError extends ServiceError {
  constructor(readonly problems: readonly SetProblem[]) {
    const lines = problems.slice(0, 20).flatMap((p) => p.problems.map((x) => `  「${p.id}」${x.message}`));
    super('invalid', `词库有 ${problems.length} 个条目存在错误，未保存：\n${lines.join('\n')}${problems.length > 20 ? '\n  ……' : ''}`);
    this.name = 'DictionaryValidationError';
  }
}

export interface DictionaryServiceOptions {
  /** The security office's private key file (see signing-key.ts); openServices puts it beside the database. */
  readonly keyFile?: string;
  /** The set version 1 is made of in an empty database; default the starter dictionaries. */
  readonly starterSet?: () => DictionarySet;
}

const SIGNING_KEY_META = 'dictionary_signing_key';
const ACTIVE_META = 'active_dictionary_version';

export class DictionaryService {
  private readonly sets = new Map<number, DictionarySet>();

  constructor(
    private readonly db: Db,
    private readonly options: DictionaryServiceOptions = {},
  ) {}

  // ---- reading (anyone) ---------------------------------------------------------------------

  activeSet(): DictionaryVersion {
    return this.version(this.activeVersionNumber());
  }

  /** The version scans use; the setting that names it is checked against its audit entry first. */
  activeVersionNumber(): number {
    this.ensureSeeded();
    const check = checkRecord(this.db, 'setting', ACTIVE_META);
    if (check && !check.ok) {
      throw new ServiceError('tampered', `“当前生效词库版本”设置与审计记录不符（${'changed' in check ? changedText(check.changed) : '没有审计记录'}），已停止使用词库；请保密员运行 audit verify 检查。`);
    }
    return repo.activeVersionNumber(this.db)!;
  }

  // ---- the versions (security officer, administrator) -------------------------------------------

  listVersions(actor: UserInfo): DictionaryVersionSummary[] {
    this.require(actor, 'read-dictionary-versions');
    const active = this.activeVersionNumber();
    return repo.listDictionaryVersions(this.db).map((v) => ({ ...v, active: v.number === active }));
  }

  getVersion(actor: UserInfo, number: number): DictionaryVersion {
    this.require(actor, 'read-dictionary-versions');
    return this.version(number);
  }

  /** The active version, or the given one (which only those who keep the dictionary may read). */
  versionOrActive(actor: UserInfo, number: number | undefined): DictionaryVersion {
    return number === undefined ? this.activeSet() : this.getVersion(actor, number);
  }

  private version(number: number): DictionaryVersion {
    this.ensureSeeded();
    const row = repo.findDictionaryVersion(this.db, number);
    if (!row) throw new ServiceError('not-found', `找不到词库第 ${number} 版。`);
    const { content: _, ...record } = row;
    return { ...record, active: number === repo.activeVersionNumber(this.db), set: this.checkedSet(row) };
  }

  diff(actor: UserInfo, a: number, b: number): DictionaryDiff {
    this.require(actor, 'compare-dictionary-versions');
    return diffDictionarySets(this.version(a).set, this.version(b).set);
  }

  async exportSet(actor: UserInfo, format: DictionaryExportFormat, number?: number): Promise<ExportedDictionary & { version: number }> {
    this.require(actor, 'export-dictionary');
    const v = number === undefined ? this.activeSet() : this.version(number);
    return { ...(await exportDictionary(v.set, format, versionTitle(v.number))), version: v.number };
  }

  // ---- changing (security officer, administrator) ----------------------------------------------

  saveVersion(actor: UserInfo, set: DictionarySet, note: string): repo.DictionaryVersionRecord {
    this.require(actor, 'edit-dictionary');
    return this.commit(actor, set, note, 'dictionary.save', {}, { number: this.activeVersionNumber(), what: '这些修改' });
  }

  /**
   * The window's unsaved changes (entries and allow list) as one new version. `baseVersion`: the
   * version they were made on; refused if another save came first.
   */
  saveChanges(actor: UserInfo, changes: DictionaryChanges, note: string, baseVersion: number): repo.DictionaryVersionRecord {
    this.require(actor, 'edit-dictionary');
    if (changes.entries.length + changes.allow.length === 0) throw new ServiceError('invalid', '没有需要保存的修改。');
    const base = { number: baseVersion, what: '这些修改' };
    this.checkBase(base, this.activeVersionNumber());
    const next = edited(() => applyAllowEdits(applyEntryEdits(this.activeSet().set, changes.entries), changes.allow));
    if (changes.allow.length === 0) return this.commit(actor, next, note || '编辑词条', 'dictionary.edit', editDetails(changes.entries), base);
    return this.commit(actor, next, note || '编辑词条和白名单', 'dictionary.save', {}, base);
  }

  /** A new version whose content equals version `number`: history is never rewritten. */
  rollback(actor: UserInfo, number: number, note: string): repo.DictionaryVersionRecord {
    this.require(actor, 'roll-back-dictionary');
    const target = this.version(number);
    return this.commit(actor, target.set, note || `回退到第 ${number} 版`, 'dictionary.rollback', { rolledBackTo: number }, { number: this.activeVersionNumber(), what: '回退' });
  }

  applyEdits(actor: UserInfo, edits: readonly EntryEdit[], note: string): repo.DictionaryVersionRecord {
    this.require(actor, 'edit-dictionary');
    const active = this.activeSet();
    const next = edited(() => applyEntryEdits(active.set, edits));
    return this.commit(actor, next, note, 'dictionary.edit', editDetails(edits), { number: active.number, what: '这些修改' });
  }

  addEntry(actor: UserInfo, entry: NewEntry, note = ''): repo.DictionaryVersionRecord {
    return this.applyEdits(actor, [{ op: 'add', entry }], note || `新增「${entry.term ?? entry.pattern ?? ''}」`);
  }

  updateEntry(actor: UserInfo, id: string, change: Extract<EntryEdit, { op: 'update' }>['change'], note = ''): repo.DictionaryVersionRecord {
    return this.applyEdits(actor, [{ op: 'update', id, change }], note || `修改「${id}」`);
  }

  disableEntry(actor: UserInfo, id: string, note = ''): repo.DictionaryVersionRecord {
    return this.applyEdits(actor, [{ op: 'disable', id }], note || `停用「${id}」`);
  }

  enableEntry(actor: UserInfo, id: string, note = ''): repo.DictionaryVersionRecord {
    return this.applyEdits(actor, [{ op: 'enable', id }], note || `启用「${id}」`);
  }

  removeEntry(actor: UserInfo, id: string, note = ''): repo.DictionaryVersionRecord {
    return this.applyEdits(actor, [{ op: 'remove', id }], note || `删除「${id}」`);
  }

  // ---- import ------------------------------------------------------------------------------

  /** What importing the file would do, row by row, against the active set. Changes nothing. */
  async previewImport(actor: UserInfo, fileName: string, bytes: Uint8Array): Promise<ImportPreview> {
    this.require(actor, 'import-dictionary');
    const { plan, base } = await this.plan(fileName, bytes);
    return { fileName, baseVersion: base, rows: plan.rows, counts: plan.counts };
  }

  /**
   * Applies the add and change rows as one new version; invalid and duplicate rows are left out.
   * `baseVersion`: the version the caller's preview was made on (default: the one planned against now).
   */
  async applyImport(actor: UserInfo, fileName: string, bytes: Uint8Array, note: string, baseVersion?: number): Promise<{ version: repo.DictionaryVersionRecord; preview: ImportPreview }> {
    this.require(actor, 'import-dictionary');
    const { plan, base } = await this.plan(fileName, bytes);
    const expected = { number: baseVersion ?? base, what: '导入预览' };
    this.checkBase(expected, base);
    if (plan.counts.add + plan.counts.change === 0) throw new ServiceError('invalid', `「${fileName}」中没有可新增或修改的条目（重复 ${plan.counts.duplicate} 行，无效 ${plan.counts.invalid} 行）。`);
    const version = this.commit(actor, plan.result, note || `导入「${fileName}」`, 'dictionary.import', { fileName, ...plan.counts }, expected);
    return { version, preview: { fileName, baseVersion: base, rows: plan.rows, counts: plan.counts } };
  }

  private async plan(fileName: string, bytes: Uint8Array) {
    const candidates = await readImportFile(fileName, bytes);
    const active = this.activeSet();
    return { plan: planImport(fileName, active.set, candidates), base: active.number };
  }

  // ---- allow-list proposals -------------------------------------------------------------------

  listProposals(actor: UserInfo, status?: ProposalStatus): AllowProposal[] {
    this.require(actor, 'read-proposals');
    return listAllowProposals(this.db, status);
  }

  /**
   * Adds the proposed phrase to the allow list (for the finding's category) in a new version.
   * `phrase`: a longer phrase around the match to allow instead (from the proposal's context),
   * when allowing the bare match would silence a dictionary term everywhere (validation refuses that).
   */
  acceptProposal(actor: UserInfo, proposalId: string, note = '', phrase?: string): repo.DictionaryVersionRecord {
    this.require(actor, 'accept-proposal');
    const p = this.pendingProposal(proposalId);
    const term = phrase?.trim() || p.term;
    const { set: active, number: activeNumber } = this.activeSet();
    const taken = new Set(active.allow.map((a) => a.id));
    const wanted = `allow/${p.category}/${normalizeTerm(term)}`;
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}~${n}`;
    const entry: AllowEntry = { type: 'allow', id, term, categories: [p.category], note: note || '采纳误报建议', source: '误报建议', line: 0 };
    const next = { ...active, allow: [...active.allow, entry] };
    const base = { number: activeNumber, what: '采纳' };
    return this.commit(actor, next, note || `采纳误报建议：「${term}」`, 'dictionary.proposal-accept', { proposalId, term, match: p.term, category: p.category }, base, (v) => {
      repo.decideProposal(this.db, proposalId, { status: 'accepted', userId: actor.id, note, version: v.number });
      bindRecord(this.db, 'allow-proposal', proposalId, { actor: actor.username, action: 'allow.decide', subject: proposalId, details: { status: 'accepted', version: v.number } });
    });
  }

  rejectProposal(actor: UserInfo, proposalId: string, reason: string): void {
    this.require(actor, 'reject-proposal');
    if (!reason.trim()) throw new ServiceError('invalid', '驳回误报建议须写明理由。');
    recordTransaction(this.db, () => {
      const p = this.pendingProposal(proposalId);
      repo.decideProposal(this.db, proposalId, { status: 'rejected', userId: actor.id, note: reason.trim() });
      bindRecord(this.db, 'allow-proposal', proposalId, { actor: actor.username, action: 'dictionary.proposal-reject', subject: proposalId, details: { term: p.term, category: p.category, reason: reason.trim() } });
    });
  }

  private pendingProposal(id: string): repo.ProposalRow {
    const p = repo.findProposal(this.db, id);
    if (!p) throw new ServiceError('not-found', `找不到误报建议「${id}」。`);
    if (p.status !== 'pending') throw new ServiceError('out-of-order', `该误报建议已${p.status === 'accepted' ? '采纳' : '驳回'}，不能再处理。`);
    return p;
  }

  // ---- distribution: keys and signed packages ---------------------------------------------------

  /** The security office's public key (PEM), to be given to the divisions; made on first use. */
  exportPublicKey(actor: UserInfo): { pem: string; fingerprint: string } {
    this.require(actor, 'export-public-key');
    const key = this.signingKey(actor, true);
    return { pem: publicKeyPem(key.publicKey), fingerprint: key.fingerprint };
  }

  /** A division's installation trusts packages signed by this public key. */
  trustKey(actor: UserInfo, pem: string, label: string): repo.TrustedKey {
    this.require(actor, 'trust-key');
    const key = parsePublicKeyPem(pem);
    const fingerprint = keyFingerprint(key);
    return recordTransaction(this.db, () => {
      if (repo.listTrustedKeys(this.db).some((k) => k.fingerprint === fingerprint)) throw new ServiceError('invalid', `该公钥（指纹 ${fingerprint.slice(0, 16)}…）已在信任列表中。`);
      const trusted = repo.insertTrustedKey(this.db, { fingerprint, pem: publicKeyPem(key), label: label.trim() || '保密办', addedBy: actor.username });
      bindRecord(this.db, 'trusted-key', fingerprint, { actor: actor.username, action: 'dictionary.trust-key', subject: fingerprint, details: { label: trusted.label } });
      return trusted;
    });
  }

  listTrustedKeys(actor: UserInfo): repo.TrustedKey[] {
    this.require(actor, 'read-trusted-keys');
    return repo.listTrustedKeys(this.db);
  }

  /** The active (or given) version as a signed package, bytes ready to be written to a file. */
  exportPackage(actor: UserInfo, number?: number): Buffer {
    this.require(actor, 'export-package');
    const key = this.signingKey(actor, true);
    const v = number === undefined ? this.activeSet() : this.version(number);
    const content = repo.findDictionaryVersion(this.db, v.number)!.content;
    const pkg = signPackage({ version: v.number, hash: v.hash, createdAt: new Date().toISOString(), issuer: `${actor.displayName}（${actor.division}）`, content }, key);
    recordTransaction(this.db, () =>
      appendAudit(this.db, { actor: actor.username, action: 'dictionary.package-export', subject: v.id, details: { version: v.number, hash: v.hash, keyFingerprint: key.fingerprint } }),
    );
    return Buffer.from(JSON.stringify(pkg, null, 2) + '\n', 'utf8');
  }

  /**
   * Accepts a package only when it is signed by a trusted key, its content matches its hash, and
   * its version is newer than the active one; it then becomes the active version under the
   * issuer's number. Otherwise a PackageRefusal: 'tampered', 'unknown-key' or 'older-version'.
   */
  importPackage(actor: UserInfo, bytes: Uint8Array): repo.DictionaryVersionRecord {
    this.require(actor, 'import-package');
    const pkg = readPackage(bytes);
    const set = verifyPackage(pkg, this.trustedKeys());
    try {
      // Signed and intact, but it must also work here (a package from a newer Mishen might not).
      compileDictionary(set);
    } catch (e) {
      throw new ServiceError('invalid', `词库包第 ${pkg.version} 版在本机无法使用：${(e as Error).message}`);
    }
    return recordTransaction(this.db, () => {
        const active = this.activeVersionNumber();
        const newest = repo.maxVersionNumber(this.db);
        if (pkg.version <= Math.max(active, newest)) {
          throw new PackageRefusal('older-version', `包为第 ${pkg.version} 版，本机当前为第 ${active} 版${newest > active ? `（已有第 ${newest} 版）` : ''}`);
        }
        const record = repo.insertDictionaryVersion(this.db, {
          number: pkg.version,
          hash: pkg.hash,
          content: pkg.content,
          note: `导入 ${pkg.issuer} 签发的词库包`,
          createdBy: actor.username,
          issuer: pkg.issuer,
          packageCreatedAt: pkg.createdAt,
          keyFingerprint: pkg.publicKeyFingerprint,
        });
        bindRecord(this.db, 'dictionary-version', record.id, {
          actor: actor.username,
          action: 'dictionary.package-import',
          subject: record.id,
          details: { version: record.number, hash: record.hash, previousVersion: active, issuer: pkg.issuer, keyFingerprint: pkg.publicKeyFingerprint, packageCreatedAt: pkg.createdAt },
        });
        this.activate(actor.username, record.number);
        return record;
      });
  }

  private trustedKeys() {
    const map = new Map(repo.listTrustedKeys(this.db).map((k) => [k.fingerprint, parsePublicKeyPem(k.pem)]));
    // The office's own key: its packages may come back to it (a second desktop of the same office).
    const own = this.options.keyFile && readSigningKey(this.options.keyFile);
    if (own) map.set(own.fingerprint, own.publicKey);
    return map;
  }

  private signingKey(actor: UserInfo, create: boolean): SigningKey {
    const file = this.options.keyFile;
    if (!file) throw new ServiceError('invalid', '没有数据目录，请指定签名私钥文件（keyFile）。');
    const recorded = repo.getMeta(this.db, SIGNING_KEY_META);
    const existing = readSigningKey(file);
    if (existing) {
      if (recorded && recorded !== existing.fingerprint) {
        throw new ServiceError('invalid', `签名私钥文件「${file}」与本机登记的不符（登记指纹 ${recorded.slice(0, 16)}…），请找回原私钥文件；换用新私钥会使各处室已信任的公钥失效。`);
      }
      if (!recorded) this.recordKey(actor, existing, 'dictionary.key-register', file);
      return existing;
    }
    if (recorded) {
      throw new ServiceError('not-found', `找不到签名私钥文件「${file}」（登记指纹 ${recorded.slice(0, 16)}…），请从备份恢复；重新生成会使各处室已信任的公钥失效。`);
    }
    if (!create) throw new ServiceError('not-found', '本机尚未生成签名密钥。');
    const key = createSigningKey(file);
    this.recordKey(actor, key, 'dictionary.key-generate', file);
    return key;
  }

  private recordKey(actor: UserInfo, key: SigningKey, action: string, file: string): void {
    recordTransaction(this.db, () => {
      repo.setMeta(this.db, SIGNING_KEY_META, key.fingerprint);
      bindRecord(this.db, 'setting', SIGNING_KEY_META, { actor: actor.username, action, subject: key.fingerprint, details: { keyFile: file, folder: dirname(file) } });
    });
  }

  // ---- helpers ------------------------------------------------------------------------------

  /**
   * Validates, then in one transaction: refuses a change worked out on a version that is no longer
   * the active one (another desktop saved since: `base`), refuses an unchanged hash, stores the
   * version, makes it active, appends the audit entry, and runs `also` (e.g. marking a proposal accepted).
   */
  private commit(
    actor: UserInfo,
    set: DictionarySet,
    note: string,
    action: string,
    details: Record<string, unknown>,
    base: Base,
    also?: (v: repo.DictionaryVersionRecord) => void,
  ): repo.DictionaryVersionRecord {
    const problems = setErrors(set);
    if (problems.length > 0) throw new DictionaryValidationError(problems);
    try {
      compileDictionary(set);
    } catch (e) {
      if (e instanceof DictionaryError) throw new ServiceError('invalid', `词库无法编译，未保存：${e.reason}`);
      throw e;
    }
    const content = toNativeJson(set);
    const hash = canonicalHash(set);
    this.ensureSeeded();
    return recordTransaction(this.db, () => {
        const activeNumber = this.activeVersionNumber();
        this.checkBase(base, activeNumber);
        const active = repo.findDictionaryVersion(this.db, activeNumber)!;
        if (active.hash === hash) throw new ServiceError('invalid', `内容与当前第 ${activeNumber} 版相同（哈希 ${hash.slice(0, 12)}…），未生成新版本。`);
        const d = diffDictionarySets(this.checkedSet(active), set);
        const record = repo.insertDictionaryVersion(this.db, { hash, content, note: note.trim(), createdBy: actor.username });
        const count = (x: { added: readonly unknown[]; removed: readonly unknown[]; changed: readonly unknown[] }) => [x.added.length, x.removed.length, x.changed.length];
        bindRecord(this.db, 'dictionary-version', record.id, {
          actor: actor.username,
          action,
          subject: record.id,
          details: {
            version: record.number,
            hash,
            previousVersion: activeNumber,
            note: record.note,
            /** [added, removed, changed] per list. */
            entries: count(d.entries),
            allow: count(d.allow),
            contextRules: count(d.contextRules),
            aggregationRules: count(d.aggregationRules),
            ...details,
          },
        });
        this.activate(actor.username, record.number);
        also?.(record);
        return record;
      });
  }

  private checkBase(base: Base, activeNumber: number): void {
    if (base.number !== activeNumber) {
      throw new ServiceError('stale-version', `${base.what}基于词库第 ${base.number} 版，当前已是第 ${activeNumber} 版（他人刚保存过）。请重新载入后再操作。`);
    }
  }

  /** Makes `number` the version scans use, with the entry that binds the setting. */
  private activate(actorName: string, number: number): void {
    repo.setActiveVersionNumber(this.db, number);
    bindRecord(this.db, 'setting', ACTIVE_META, { actor: actorName, action: 'dictionary.activate', subject: ACTIVE_META, details: { version: number } });
  }

  /** Version 1 of an empty database is the starter set, so there is always an active version. */
  private ensureSeeded(): void {
    if (repo.activeVersionNumber(this.db) !== undefined) return;
    const set = (this.options.starterSet ?? (() => loadDictionarySet([])))();
    recordTransaction(this.db, () => {
      if (repo.activeVersionNumber(this.db) !== undefined) return; // another process was first
      // Versions without the setting that names the active one: it was removed behind our back.
      if (repo.maxVersionNumber(this.db) > 0) throw new ServiceError('tampered', '数据库中有词库版本，却没有“当前生效词库版本”设置（被删除），已停止使用词库；请保密员运行 audit verify 检查。');
      const hash = canonicalHash(set);
      const record = repo.insertDictionaryVersion(this.db, { hash, content: toNativeJson(set), note: '内置初始词库', createdBy: 'system' });
      bindRecord(this.db, 'dictionary-version', record.id, { actor: 'system', action: 'dictionary.seed', subject: record.id, details: { version: record.number, hash, entries: set.entries.length } });
      this.activate('system', record.number);
    });
  }

  /**
   * The set of a stored version, used only once its content matches its canonical hash and the
   * row matches its audit entry: a version changed in the database is refused, by name.
   */
  private checkedSet(row: repo.DictionaryVersionRecord & { content: string }): DictionarySet {
    const cached = this.sets.get(row.number);
    if (cached) return cached;
    const refuse = (why: string): never => {
      throw new ServiceError('tampered', `词库第 ${row.number} 版${why}，已拒绝使用；请保密员运行 audit verify 检查，并回退到未被改动的版本或重新导入。`);
    };
    // Stored as text by this program; anything else was put there by other means.
    if (typeof row.content !== 'string') return refuse('的内容不是词库文本（被改动）');
    let set: DictionarySet;
    try {
      set = parseNativeDictionary(`词库第${row.number}版`, row.content);
    } catch (e) {
      return refuse(`的内容无法读取（${e instanceof DictionaryError ? e.reason : '格式不对'}）`);
    }
    const actual = canonicalHash(set);
    if (actual !== row.hash) refuse(`的内容与其词库哈希不符（记录为 ${row.hash.slice(0, 16)}…，实为 ${actual.slice(0, 16)}…）：词条在数据库中被改动`);
    const check = checkRecord(this.db, 'dictionary-version', row.id);
    if (check && !check.ok) refuse(`与审计记录不符（${'changed' in check ? changedText(check.changed) : '没有审计记录'}）`);
    this.sets.set(row.number, set);
    return set;
  }

  private require(actor: UserInfo, action: RoleAction): void {
    enforce(mayDo(actor, action));
  }
}

/** The version a change was worked out on, and what the change is called if it is refused as stale. */
interface Base {
  readonly number: number;
  readonly what: string;
}

function edited(apply: () => DictionarySet): DictionarySet {
  try {
    return apply();
  } catch (e) {
    if (e instanceof EntryEditError) throw new ServiceError('not-found', e.message);
    throw e;
  }
}

function editDetails(edits: readonly EntryEdit[]): Record<string, unknown> {
  return { edits: edits.map((e) => ({ op: e.op, id: 'id' in e ? e.id : undefined })) };
}
