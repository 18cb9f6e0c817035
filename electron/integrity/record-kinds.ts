// The records that carry a decision or a fact of the review. Each row of these is written in the
// same transaction as an audit entry whose hash covers the row's canonical content
// (canonical-record.ts); `audit verify` re-reads every row and compares it with its latest entry.
// Plain data: which table, which key, which fields in which order, what a person calls them.
// Nothing here depends on the database engine (SQLite now, PostgreSQL later).
//
// Changing a field list changes every canonical hash of that kind: a migration that adds a bound
// column must write new binding entries for the existing rows (as migration 3 did for all of them).

/**
 * How a field enters the canonical form:
 * - text / int / bool: its value (bool from 0/1);
 * - digest: the SHA-256 of its value (secrets such as password hashes, and large contents), so the
 *   audit log can prove the value without holding it;
 * - derived: not a column; the record source computes it (a scan's findings digest and count).
 */
export type FieldType = 'text' | 'int' | 'bool' | 'digest' | 'derived';

export interface FieldSpec {
  readonly column: string;
  /** What the field is called in a report: 「意见被改动」. */
  readonly label: string;
  readonly type: FieldType;
}

export type RecordKindName =
  | 'user'
  | 'user-key'
  | 'document'
  | 'version'
  | 'scan'
  | 'document-model'
  | 'disposition'
  | 'signoff'
  | 'allow-proposal'
  | 'dictionary-version'
  | 'trusted-key'
  | 'setting'
  | 'review-package'
  | 'trusted-installation';

export interface RecordKind {
  readonly name: RecordKindName;
  readonly table: string;
  readonly key: string;
  /** Plural-free name for counts: 「签批 3」. */
  readonly label: string;
  /** In canonical order; the key first. */
  readonly fields: readonly FieldSpec[];
  /** Only these keys are records (the settings among the meta rows). */
  readonly onlyKeys?: readonly string[];
  /** Rows signed by their author (record-signature.ts). */
  readonly signed?: boolean;
  /** The migration that made its table, when later than 3 (the one that bound the records there were). */
  readonly since?: number;
}

const f = (column: string, label: string, type: FieldType = 'text'): FieldSpec => ({ column, label, type });
const ORIGIN = f('origin', '来源安装');

/** Fields a signed row adds: the sign-off before it, the key that signed it, the signature. */
const SIGNATURE_FIELDS = [f('prev_signoff_id', '所接续的上一份签批'), f('key_id', '签名公钥'), f('signature', '电子签名')];

export const RECORD_KINDS: readonly RecordKind[] = [
  {
    name: 'setting',
    table: 'meta',
    key: 'key',
    label: '设置',
    fields: [f('key', '名称'), f('value', '取值')],
    onlyKeys: ['installation_id', 'active_dictionary_version', 'dictionary_signing_key', 'package_signing_key'],
  },
  {
    name: 'user',
    table: 'users',
    key: 'id',
    label: '用户',
    fields: [
      f('id', '编号'),
      f('username', '用户名'),
      f('display_name', '姓名'),
      f('role', '角色'),
      f('division', '处室'),
      f('password_hash', '密码', 'digest'),
      f('disabled', '停用状态', 'bool'),
      f('created_at', '创建时间'),
      ORIGIN,
    ],
  },
  {
    name: 'user-key',
    table: 'user_keys',
    key: 'id',
    label: '签名公钥',
    fields: [
      f('id', '编号'),
      f('user_id', '所属用户'),
      f('public_key', '公钥'),
      f('fingerprint', '指纹'),
      f('encrypted_private_key', '加密私钥', 'digest'),
      f('reason', '生成原因'),
      f('created_at', '生成时间'),
      ORIGIN,
    ],
  },
  {
    name: 'dictionary-version',
    table: 'dictionary_versions',
    key: 'id',
    label: '词库版本',
    fields: [
      f('id', '编号'),
      f('number', '版本号', 'int'),
      f('hash', '词库哈希'),
      f('content', '词库内容', 'digest'),
      f('note', '说明'),
      f('created_by', '保存人'),
      f('created_at', '保存时间'),
      ORIGIN,
      f('issuer', '签发人'),
      f('package_created_at', '签发时间'),
      f('key_fingerprint', '签发公钥指纹'),
    ],
  },
  {
    name: 'trusted-key',
    table: 'trusted_keys',
    key: 'fingerprint',
    label: '信任公钥',
    fields: [f('fingerprint', '指纹'), f('pem', '公钥'), f('label', '名称'), f('added_by', '添加人'), f('added_at', '添加时间'), ORIGIN],
  },
  {
    name: 'document',
    table: 'documents',
    key: 'id',
    label: '文稿',
    fields: [
      f('id', '编号'),
      f('title', '标题'),
      f('doc_number', '文号'),
      f('division', '处室'),
      f('drafter_id', '起草人'),
      f('channel', '公开渠道'),
      f('scope', '公开范围'),
      f('publish_time', '拟公开时间'),
      f('publication_mode', '拟公开方式'),
      f('created_at', '创建时间'),
      ORIGIN,
    ],
  },
  {
    name: 'version',
    table: 'versions',
    key: 'id',
    label: '版本',
    fields: [
      f('id', '编号'),
      f('document_id', '所属文稿'),
      f('number', '版本号', 'int'),
      f('sha256', 'SHA-256'),
      f('file_name', '文件名'),
      f('size', '文件大小', 'int'),
      f('content', '文件内容', 'digest'),
      f('created_at', '提交时间'),
      f('created_by', '提交人'),
      ORIGIN,
    ],
  },
  {
    name: 'scan',
    table: 'scans',
    key: 'id',
    label: '扫描结果',
    fields: [
      f('id', '编号'),
      f('version_id', '所属版本'),
      f('verdict', '审查结论'),
      f('warnings_json', '警告'),
      f('error_json', '错误'),
      f('dictionary_version', '词库版本'),
      f('dictionary_hash', '词库哈希'),
      f('dictionary_lists', '自定义词库'),
      f('engine_version', '引擎版本'),
      f('created_at', '扫描时间'),
      f('created_by', '扫描人'),
      ORIGIN,
      f('finding_count', '发现数', 'derived'),
      f('findings_digest', '发现内容', 'derived'),
    ],
  },
  {
    // What the scan read from the file (its text by part, with where each piece stands), kept so the
    // window shows the document without reading it again; one per scan, gzip-compressed JSON.
    name: 'document-model',
    table: 'document_models',
    key: 'scan_id',
    label: '文稿结构',
    since: 4,
    fields: [f('scan_id', '所属扫描结果'), f('format', '格式'), f('model', '文稿结构内容', 'digest'), f('created_at', '保存时间'), ORIGIN],
  },
  {
    name: 'disposition',
    table: 'dispositions',
    key: 'id',
    label: '处置',
    signed: true,
    fields: [
      f('id', '编号'),
      f('finding_id', '所处置的发现'),
      f('action', '处置方式'),
      f('reason', '理由'),
      f('user_id', '处置人'),
      f('created_at', '处置时间'),
      ORIGIN,
      ...SIGNATURE_FIELDS,
    ],
  },
  {
    name: 'signoff',
    table: 'signoffs',
    key: 'id',
    label: '签批',
    signed: true,
    fields: [
      f('id', '编号'),
      f('version_id', '所属版本'),
      f('step', '步骤'),
      f('decision', '决定'),
      f('user_id', '签批人'),
      f('user_name', '签批人姓名'),
      f('role', '签批人角色'),
      f('opinion', '意见'),
      f('outcome', '结论'),
      f('legal_basis', '法律依据'),
      f('scan_id', '所依据的扫描结果'),
      f('signed_at', '签批时间'),
      ORIGIN,
      ...SIGNATURE_FIELDS,
    ],
  },
  {
    name: 'allow-proposal',
    table: 'allow_proposals',
    key: 'id',
    label: '误报建议',
    fields: [
      f('id', '编号'),
      f('finding_id', '所涉发现'),
      f('term', '词语'),
      f('category', '类别'),
      f('context', '上下文'),
      f('reason', '理由'),
      f('proposed_by', '提出人'),
      f('created_at', '提出时间'),
      f('status', '处理状态'),
      f('decided_by', '处理人'),
      f('decided_at', '处理时间'),
      f('decision_note', '处理意见'),
      f('dictionary_version', '采纳进的词库版本', 'int'),
      ORIGIN,
    ],
  },
  {
    name: 'review-package',
    table: 'review_packages',
    key: 'id',
    label: '送审包',
    since: 5,
    fields: [
      f('id', '编号'),
      f('package_id', '包编号'),
      f('kind', '类型'),
      f('direction', '收发'),
      f('document_id', '所属文稿'),
      f('version_id', '所属版本'),
      f('sha256', '版本 SHA-256'),
      f('reply_to', '所答复的送审包'),
      f('sender', '发出安装'),
      f('key_fingerprint', '签发公钥指纹'),
      f('file_sha256', '包文件 SHA-256'),
      f('created_at', '签发时间'),
      f('recorded_by', '经办人'),
      f('recorded_at', '收发时间'),
      ORIGIN,
    ],
  },
  {
    name: 'trusted-installation',
    table: 'trusted_installations',
    key: 'fingerprint',
    label: '信任安装',
    since: 5,
    fields: [f('fingerprint', '指纹'), f('pem', '公钥'), f('label', '名称'), f('added_by', '添加人'), f('added_at', '添加时间'), ORIGIN],
  },
];

const BY_NAME = new Map(RECORD_KINDS.map((k) => [k.name, k]));

export function recordKind(name: RecordKindName): RecordKind {
  return BY_NAME.get(name)!;
}

export function isRecordKindName(name: string): name is RecordKindName {
  return BY_NAME.has(name as RecordKindName);
}

/** The columns a row of the kind is read with (derived fields are computed, not read). */
export function storedColumns(kind: RecordKind): string[] {
  return kind.fields.filter((x) => x.type !== 'derived').map((x) => x.column);
}
