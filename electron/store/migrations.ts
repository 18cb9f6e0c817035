// The database schema, as an ordered list of migrations; PRAGMA user_version records how many ran.
// Records use random UUIDs, never counters, and carry the installation that wrote them, so that a
// review started on one desktop can be completed on another (nothing assumes one machine).

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
];
