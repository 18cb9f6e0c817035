// The records schema in PostgreSQL's dialect: the same tables, columns and rules as the SQLite
// migrations (../migrations.ts), numbered the same, in plain PostgreSQL 13+ SQL (no extensions).
// What the dialects do differently: BYTEA for file bytes; a `rowid` identity column where the
// records are ordered by insertion (SQLite's implicit rowid); immutability by one trigger function.
// meta 'schema_version' records how many migrations ran (SQLite: PRAGMA user_version).

const IMMUTABLE_FUNCTION = `
  CREATE FUNCTION mishen_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
  END $$;
`;

/** Rows that are never changed refuse to be, as in SQLite (a change behind the program's back must drop the trigger first). */
function immutable(table: string): string {
  return `
  CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION mishen_refuse_change();
  CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION mishen_refuse_change();`;
}

export const PG_MIGRATIONS: readonly string[] = [
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

  CREATE TABLE versions (
    id          TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id),
    number      INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    size        INTEGER NOT NULL,
    content     BYTEA NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL REFERENCES users(id),
    origin      TEXT NOT NULL,
    UNIQUE (document_id, number),
    UNIQUE (document_id, sha256)
  );

  CREATE TABLE scans (
    id                 TEXT PRIMARY KEY,
    rowid              BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
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

  CREATE TABLE dispositions (
    id         TEXT PRIMARY KEY,
    rowid      BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    finding_id TEXT NOT NULL REFERENCES findings(id),
    action     TEXT NOT NULL CHECK (action IN ('fixed','false-positive','keep','must-fix')),
    reason     TEXT NOT NULL DEFAULT '',
    user_id    TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    origin     TEXT NOT NULL
  );
  CREATE INDEX dispositions_by_finding ON dispositions(finding_id, created_at);

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

  CREATE TABLE signoffs (
    id          TEXT PRIMARY KEY,
    rowid       BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
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
  ${IMMUTABLE_FUNCTION}
  ${immutable('audit_log')}
  `,
  /* 2 */ `
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
  ${immutable('dictionary_versions')}

  CREATE TABLE trusted_keys (
    fingerprint TEXT PRIMARY KEY,
    pem         TEXT NOT NULL,
    label       TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    origin      TEXT NOT NULL
  );

  ALTER TABLE allow_proposals ADD COLUMN decision_note TEXT;
  ALTER TABLE allow_proposals ADD COLUMN dictionary_version INTEGER;
  `,
  /* 3 */ `
  ALTER TABLE audit_log ADD COLUMN record_kind TEXT;
  ALTER TABLE audit_log ADD COLUMN record_key TEXT;
  ALTER TABLE audit_log ADD COLUMN record_hash TEXT;
  CREATE INDEX audit_log_by_record ON audit_log(record_kind, record_key, seq);

  CREATE TABLE user_keys (
    id                    TEXT PRIMARY KEY,
    rowid                 BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    user_id               TEXT NOT NULL REFERENCES users(id),
    public_key            TEXT NOT NULL,
    fingerprint           TEXT NOT NULL,
    encrypted_private_key TEXT NOT NULL,
    reason                TEXT NOT NULL CHECK (reason IN ('created','first-sign-in','password-reset')),
    created_at            TEXT NOT NULL,
    origin                TEXT NOT NULL
  );
  CREATE INDEX user_keys_by_user ON user_keys(user_id, created_at);

  ALTER TABLE scans ADD COLUMN dictionary_lists TEXT NOT NULL DEFAULT '[]';
  CREATE INDEX scans_by_version ON scans(version_id, created_at);

  ALTER TABLE signoffs ADD COLUMN prev_signoff_id TEXT;
  ALTER TABLE signoffs ADD COLUMN key_id TEXT REFERENCES user_keys(id);
  ALTER TABLE signoffs ADD COLUMN signature TEXT;
  ALTER TABLE dispositions ADD COLUMN prev_signoff_id TEXT;
  ALTER TABLE dispositions ADD COLUMN key_id TEXT REFERENCES user_keys(id);
  ALTER TABLE dispositions ADD COLUMN signature TEXT;
  ${['versions', 'scans', 'findings', 'dispositions', 'signoffs', 'user_keys', 'trusted_keys'].map(immutable).join('\n')}
  `,
  /* 4 */ `
  CREATE TABLE document_models (
    scan_id    TEXT PRIMARY KEY REFERENCES scans(id),
    format     TEXT NOT NULL,
    model      BYTEA NOT NULL,
    created_at TEXT NOT NULL,
    origin     TEXT NOT NULL
  );
  ${immutable('document_models')}
  `,
  /* 5 */ `
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

  CREATE TABLE trusted_installations (
    fingerprint TEXT PRIMARY KEY,
    pem         TEXT,
    label       TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    origin      TEXT NOT NULL
  );
  ${['review_packages', 'trusted_installations'].map(immutable).join('\n')}
  `,
];

/**
 * The rights the application's own database role needs, and no more: read and add records, change
 * the few rows that change (a user's role, a document's publication fields, a proposal's decision,
 * the settings); never delete, truncate or alter. `schema` is where the records are.
 */
export function applicationRoleGrants(role: string, schema = 'public'): string {
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  return `
  GRANT USAGE ON SCHEMA ${q(schema)} TO ${q(role)};
  GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA ${q(schema)} TO ${q(role)};
  GRANT UPDATE ON ${q(schema)}.users, ${q(schema)}.documents, ${q(schema)}.allow_proposals, ${q(schema)}.meta TO ${q(role)};
  GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${q(schema)} TO ${q(role)};`;
}
