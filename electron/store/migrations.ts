// The database schema, as an ordered list of migrations; PRAGMA user_version records how many ran.
// Records use random UUIDs, never counters, and carry the installation that wrote them, so that a
// review started on one desktop can be completed on another (nothing assumes one machine).
// A migration is SQL, and may be followed by code that runs in the same transaction.
import { bindExistingRecords } from './bind-existing-records';
import type { Db } from './connection';

export const MIGRATIONS: readonly string[] = [
  /* 1 */ `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('drafter','division-head','office-reviewer','security-officer','admin')),
    division      TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    origin        TEXT NOT NULL
  );

  -- One review item (一事一审): a draft that is to be published, with its versions.
  CREATE TABLE documents (
    id               TEXT PRIMARY KEY,
    title            TEXT NOT NULL,
    doc_number       TEXT NOT NULL DEFAULT '',
    division         TEXT NOT NULL,
    drafter_id       TEXT NOT NULL REFERENCES users(id),
    channel          TEXT NOT NULL DEFAULT '',
    scope            TEXT NOT NULL DEFAULT '',
    publish_time     TEXT NOT NULL DEFAULT '',
    publication_mode TEXT NOT NULL DEFAULT '主动公开' CHECK (publication_mode IN ('主动公开','依申请公开','不予公开')),
    created_at       TEXT NOT NULL,
    origin           TEXT NOT NULL
  );

  -- Each reviewed file, by content: a changed file is a new version. The bytes are kept so that the
  -- record stays bound to exactly what was reviewed.
  CREATE TABLE versions (
    id          TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id),
    number      INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    size        INTEGER NOT NULL,
    content     BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES users(id),
    origin      TEXT NOT NULL,
    UNIQUE (document_id, number),
    UNIQUE (document_id, sha256)
  );

  CREATE TABLE scans (
    id                 TEXT PRIMARY KEY,
    version_id         TEXT NOT NULL REFERENCES versions(id),
    verdict            TEXT NOT NULL CHECK (verdict IN ('block','review','pass')),
    warnings_json      TEXT NOT NULL,
    error_json         TEXT,
    dictionary_version TEXT NOT NULL,
    dictionary_hash    TEXT NOT NULL,
    engine_version     TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    created_by         TEXT REFERENCES users(id),
    origin             TEXT NOT NULL
  );

  CREATE TABLE findings (
    id          TEXT PRIMARY KEY,
    scan_id     TEXT NOT NULL REFERENCES scans(id),
    seq         INTEGER NOT NULL,
    category    TEXT NOT NULL,
    kind        TEXT,
    severity    TEXT NOT NULL CHECK (severity IN ('block','review','info')),
    match       TEXT NOT NULL,
    part        TEXT NOT NULL,
    rule_id     TEXT NOT NULL,
    json        TEXT NOT NULL,
    UNIQUE (scan_id, seq)
  );

  -- What was done with each finding. Rows are never updated: the latest row is the disposition,
  -- the earlier ones its history.
  CREATE TABLE dispositions (
    id         TEXT PRIMARY KEY,
    finding_id TEXT NOT NULL REFERENCES findings(id),
    action     TEXT NOT NULL CHECK (action IN ('fixed','false-positive','keep','must-fix')),
    reason     TEXT NOT NULL DEFAULT '',
    user_id    TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    origin     TEXT NOT NULL
  );
  CREATE INDEX dispositions_by_finding ON dispositions(finding_id, created_at);

  -- False positives proposed to the security officer as allow-list entries.
  CREATE TABLE allow_proposals (
    id          TEXT PRIMARY KEY,
    finding_id  TEXT NOT NULL REFERENCES findings(id),
    term        TEXT NOT NULL,
    category    TEXT NOT NULL,
    context     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    proposed_by TEXT NOT NULL REFERENCES users(id),
    created_at  TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','rejected')),
    decided_by  TEXT REFERENCES users(id),
    decided_at  TEXT,
    origin      TEXT NOT NULL
  );

  -- The sign-off chain of a version: drafter self-check, division head, general office.
  CREATE TABLE signoffs (
    id          TEXT PRIMARY KEY,
    version_id  TEXT NOT NULL REFERENCES versions(id),
    step        TEXT NOT NULL CHECK (step IN ('drafter','division-head','office')),
    decision    TEXT NOT NULL CHECK (decision IN ('approve','return')),
    user_id     TEXT NOT NULL REFERENCES users(id),
    user_name   TEXT NOT NULL,
    role        TEXT NOT NULL,
    opinion     TEXT NOT NULL,
    outcome     TEXT CHECK (outcome IN ('可以公开','删除后公开','修改后复审','不予公开','报保密部门审定')),
    legal_basis TEXT,
    scan_id     TEXT NOT NULL REFERENCES scans(id),
    signed_at   TEXT NOT NULL,
    origin      TEXT NOT NULL
  );
  CREATE INDEX signoffs_by_version ON signoffs(version_id, signed_at);

  -- Append-only; each entry's hash covers its content and the previous entry's hash.
  CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    details    TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL,
    origin     TEXT NOT NULL
  );
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  `,
  /* 2 */ `
  -- Dictionary custody (保密员): every saved dictionary set is a numbered, hashed, immutable version;
  -- meta 'active_dictionary_version' names the one scans use. A version that came in a signed
  -- package keeps the issuer's number, the issuer and the key that signed it.
  CREATE TABLE dictionary_versions (
    id                 TEXT PRIMARY KEY,
    number             INTEGER NOT NULL UNIQUE,
    hash               TEXT NOT NULL,
    content            TEXT NOT NULL,
    note               TEXT NOT NULL DEFAULT '',
    created_by         TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    origin             TEXT NOT NULL,
    issuer             TEXT,
    package_created_at TEXT,
    key_fingerprint    TEXT
  );
  CREATE TRIGGER dictionary_versions_no_update BEFORE UPDATE ON dictionary_versions BEGIN SELECT RAISE(ABORT, 'dictionary versions are immutable'); END;
  CREATE TRIGGER dictionary_versions_no_delete BEFORE DELETE ON dictionary_versions BEGIN SELECT RAISE(ABORT, 'dictionary versions are immutable'); END;

  -- Public keys (Ed25519, PEM) whose dictionary packages this installation accepts.
  CREATE TABLE trusted_keys (
    fingerprint TEXT PRIMARY KEY,
    pem         TEXT NOT NULL,
    label       TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    origin      TEXT NOT NULL
  );

  -- The security officer's answer to an allow-list proposal: the reason of a rejection, the
  -- dictionary version an acceptance went into.
  ALTER TABLE allow_proposals ADD COLUMN decision_note TEXT;
  ALTER TABLE allow_proposals ADD COLUMN dictionary_version INTEGER;
  `,
  /* 3 */ `
  -- Record binding (electron/integrity/record-kinds.ts): an audit entry may vouch for one record
  -- row, by its kind, key and the SHA-256 of its canonical content; these are part of the entry's hash.
  ALTER TABLE audit_log ADD COLUMN record_kind TEXT;
  ALTER TABLE audit_log ADD COLUMN record_key TEXT;
  ALTER TABLE audit_log ADD COLUMN record_hash TEXT;
  CREATE INDEX audit_log_by_record ON audit_log(record_kind, record_key, seq);

  -- Each user's Ed25519 key pairs, the newest one current. The private key is encrypted under a key
  -- derived from the user's password (scrypt, AES-256-GCM); a password reset makes a new pair and
  -- the old public keys stay, so the signatures made with them stay verifiable.
  CREATE TABLE user_keys (
    id                    TEXT PRIMARY KEY,
    user_id               TEXT NOT NULL REFERENCES users(id),
    public_key            TEXT NOT NULL,
    fingerprint           TEXT NOT NULL,
    encrypted_private_key TEXT NOT NULL,
    reason                TEXT NOT NULL CHECK (reason IN ('created','first-sign-in','password-reset')),
    created_at            TEXT NOT NULL,
    origin                TEXT NOT NULL
  );
  CREATE INDEX user_keys_by_user ON user_keys(user_id, created_at);

  -- The user's own --dict lists a scan used on top of the dictionary version: [{ name, hash }].
  ALTER TABLE scans ADD COLUMN dictionary_lists TEXT NOT NULL DEFAULT '[]';
  -- Every sign-off and disposition looks up the latest scan of its version: not a walk of all scans.
  CREATE INDEX scans_by_version ON scans(version_id, created_at);

  -- Sign-offs and dispositions are signed by their author over their content, the version's file
  -- hash and the sign-off before them (integrity/record-signature.ts). Rows from before version 3 have none.
  ALTER TABLE signoffs ADD COLUMN prev_signoff_id TEXT;
  ALTER TABLE signoffs ADD COLUMN key_id TEXT REFERENCES user_keys(id);
  ALTER TABLE signoffs ADD COLUMN signature TEXT;
  ALTER TABLE dispositions ADD COLUMN prev_signoff_id TEXT;
  ALTER TABLE dispositions ADD COLUMN key_id TEXT REFERENCES user_keys(id);
  ALTER TABLE dispositions ADD COLUMN signature TEXT;

  -- Rows that are never changed refuse to be (a change behind the application's back has to drop
  -- the trigger first, and then shows in audit verify).
  CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
  CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
  CREATE TRIGGER scans_no_update BEFORE UPDATE ON scans BEGIN SELECT RAISE(ABORT, 'scans are immutable'); END;
  CREATE TRIGGER scans_no_delete BEFORE DELETE ON scans BEGIN SELECT RAISE(ABORT, 'scans are immutable'); END;
  CREATE TRIGGER findings_no_update BEFORE UPDATE ON findings BEGIN SELECT RAISE(ABORT, 'findings are immutable'); END;
  CREATE TRIGGER findings_no_delete BEFORE DELETE ON findings BEGIN SELECT RAISE(ABORT, 'findings are immutable'); END;
  CREATE TRIGGER dispositions_no_update BEFORE UPDATE ON dispositions BEGIN SELECT RAISE(ABORT, 'dispositions are immutable'); END;
  CREATE TRIGGER dispositions_no_delete BEFORE DELETE ON dispositions BEGIN SELECT RAISE(ABORT, 'dispositions are immutable'); END;
  CREATE TRIGGER signoffs_no_update BEFORE UPDATE ON signoffs BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END;
  CREATE TRIGGER signoffs_no_delete BEFORE DELETE ON signoffs BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END;
  CREATE TRIGGER user_keys_no_update BEFORE UPDATE ON user_keys BEGIN SELECT RAISE(ABORT, 'user keys are immutable'); END;
  CREATE TRIGGER user_keys_no_delete BEFORE DELETE ON user_keys BEGIN SELECT RAISE(ABORT, 'user keys are immutable'); END;
  CREATE TRIGGER trusted_keys_no_update BEFORE UPDATE ON trusted_keys BEGIN SELECT RAISE(ABORT, 'trusted keys are immutable'); END;
  CREATE TRIGGER trusted_keys_no_delete BEFORE DELETE ON trusted_keys BEGIN SELECT RAISE(ABORT, 'trusted keys are immutable'); END;
  `,
  /* 4 */ `
  -- What each scan read from its file (the document model: text by part, tables, anchors, page sizes),
  -- gzip-compressed JSON, so that the window shows the document as the scan saw it without reading
  -- the file again. Bound to the audit chain like every record (record kind 'document-model').
  CREATE TABLE document_models (
    scan_id    TEXT PRIMARY KEY REFERENCES scans(id),
    format     TEXT NOT NULL,
    model      BLOB NOT NULL,
    created_at TEXT NOT NULL,
    origin     TEXT NOT NULL
  );
  CREATE TRIGGER document_models_no_update BEFORE UPDATE ON document_models BEGIN SELECT RAISE(ABORT, 'document models are immutable'); END;
  CREATE TRIGGER document_models_no_delete BEFORE DELETE ON document_models BEGIN SELECT RAISE(ABORT, 'document models are immutable'); END;
  `,
  /* 5 */ `
  -- Review packages (送审包) between installations that share no database (electron/packages/):
  -- every package this installation sent or took, one row each, never changed. A package id is
  -- taken once (a second import is a replay); a decision answers a review package sent from here.
  CREATE TABLE review_packages (
    id              TEXT PRIMARY KEY,
    package_id      TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('review','decision')),
    direction       TEXT NOT NULL CHECK (direction IN ('sent','received')),
    document_id     TEXT NOT NULL REFERENCES documents(id),
    version_id      TEXT NOT NULL REFERENCES versions(id),
    sha256          TEXT NOT NULL,
    reply_to        TEXT,
    sender          TEXT NOT NULL,
    key_fingerprint TEXT NOT NULL,
    file_sha256     TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    origin          TEXT NOT NULL,
    UNIQUE (package_id, direction)
  );
  CREATE TRIGGER review_packages_no_update BEFORE UPDATE ON review_packages BEGIN SELECT RAISE(ABORT, 'review packages are immutable'); END;
  CREATE TRIGGER review_packages_no_delete BEFORE DELETE ON review_packages BEGIN SELECT RAISE(ABORT, 'review packages are immutable'); END;

  -- Other installations whose review and decision packages this one takes, by the fingerprint of
  -- their Ed25519 key (and the PEM when it was given as a file; trusted by fingerprint alone, each
  -- package's own key must have that fingerprint).
  CREATE TABLE trusted_installations (
    fingerprint TEXT PRIMARY KEY,
    pem         TEXT,
    label       TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    origin      TEXT NOT NULL
  );
  CREATE TRIGGER trusted_installations_no_update BEFORE UPDATE ON trusted_installations BEGIN SELECT RAISE(ABORT, 'trusted installations are immutable'); END;
  CREATE TRIGGER trusted_installations_no_delete BEFORE DELETE ON trusted_installations BEGIN SELECT RAISE(ABORT, 'trusted installations are immutable'); END;
  `,
];

/** Code that follows a migration's SQL, in its transaction (the same for both engines' dialects). */
const AFTER: Readonly<Record<number, (db: Db) => void>> = { 3: bindExistingRecords };

export function afterMigration(db: Db, version: number): void {
  AFTER[version]?.(db);
}

/** Runs migration `version` (1-based). Call inside a transaction. `bare`: the SQL only (a copy target). */
export function applyMigration(db: Db, version: number, bare = false): void {
  db.exec(MIGRATIONS[version - 1]);
  if (!bare) afterMigration(db, version);
}
