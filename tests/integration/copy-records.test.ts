// Moving a record between the two engines: a desktop's SQLite file into a PostgreSQL server the
// test starts itself, and back into a new file; `audit verify` passes on every side, and the
// review goes on on the copy.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRecordsDatabase } from '../../electron/services/open-database';
import { openServices } from '../../electron/services/open-services';
import { copyRecords, CopyTargetNotEmptyError } from '../../electron/store/copy-records';
import { startPostgres, type PostgresServer } from '../support/postgres-server';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const PASSWORD = 'copy-pass-2026';
const ADMIN_PASSWORD = 'admin-pass-2026';

let server: PostgresServer;
let work: string;
let documentId: string;

const pgUrl = (db: string) => `postgres://postgres@127.0.0.1:${server.port}/${db}`;

beforeAll(async () => {
  server = await startPostgres();
  work = mkdtempSync(join(tmpdir(), 'mishen-copy-'));
  process.env.MISHEN_USER_DATA = join(work, 'desktop');
  process.env.MISHEN_DB_PASSWORD = 'test-superuser';
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE dept');
  await admin.query('CREATE DATABASE used');
  await admin.end();

  // A desktop's whole review, drafter to office, in SQLite.
  const desk = openServices({ database: join(work, 'desk.db') });
  const s = desk.records;
  const root = s.bootstrapAdmin('admin', '系统管理员', ADMIN_PASSWORD);
  s.createUser(root, { username: 'zhang', displayName: '张三', role: 'drafter', division: '综合处', password: PASSWORD });
  s.createUser(root, { username: 'li', displayName: '李四', role: 'division-head', division: '综合处', password: PASSWORD });
  s.createUser(root, { username: 'wang', displayName: '王五', role: 'office-reviewer', division: '办公室', password: PASSWORD });
  const zhang = s.login('zhang', PASSWORD);
  let doc = await s.submit(zhang, join(CORPUS, '02-classified-marking.docx'), { title: '全省城市供水应急保障情况报告' });
  for (const f of doc.scan!.findings.filter((x: { severity: string }) => x.severity === 'block')) doc = s.dispose(zhang, f.id, 'fixed');
  s.sign(zhang, doc.latestVersion!.id, { step: 'drafter', decision: 'approve', opinion: '已逐项自查' });
  documentId = doc.id;
  // The office installation the division's review packages go to (送审包), trusted by its key.
  const office = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  desk.packages.trustInstallation(root, office, '办公室');
  desk.close();
}, 120_000);

afterAll(() => {
  server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function verified(database: string): Promise<void> {
  const services = openServices({ database });
  try {
    const report = await services.records.verifyRecords(services.records.login('admin', ADMIN_PASSWORD));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  } finally {
    services.close();
  }
}

describe('migrate-to', () => {
  it('copies a desktop’s SQLite record into a PostgreSQL server, where it verifies and the review goes on', async () => {
    const source = openRecordsDatabase(join(work, 'desk.db'));
    const target = openRecordsDatabase(pgUrl('dept'), { copyTarget: true });
    const copied = copyRecords(source, target, 'dept');
    source.close();
    target.close();
    expect(copied.signoffs).toBe(1);
    expect(copied.document_models).toBe(1);
    expect(copied.audit_log).toBeGreaterThan(10);

    await verified(join(work, 'desk.db'));
    await verified(pgUrl('dept'));

    // The division head signs on the server, with the key made on the desktop.
    const services = openServices({ database: pgUrl('dept') });
    const s = services.records;
    try {
      const li = s.login('li', PASSWORD);
      const doc = s.getDocument(li, documentId);
      // The window's view comes from the model the desktop's scan kept (BYTEA here), bound as it was.
      const model = await s.documentModel(li, doc.latestVersion!.id);
      expect(model.format).toBe('docx');
      expect(model.warnings.map((w) => w.code)).not.toContain('model-tampered');
      const after = s.sign(li, doc.latestVersion!.id, { step: 'division-head', decision: 'approve', opinion: '同意公开' });
      expect(after.state).toBe('待办公室审核');
      // …and a review package for the office is exported from the server, recorded there.
      expect(services.packages.exportReview(li, documentId).kind).toBe('review');
      expect(services.packages.listPackages(li).map((p) => p.direction)).toEqual(['sent']);
      // A draft submitted on the server keeps its model there too (migration 4 in PostgreSQL's dialect).
      const zhang = s.login('zhang', PASSWORD);
      const notice = await s.submit(zhang, join(CORPUS, '01-public-notice.docx'), { title: '公告' });
      const kept = await s.documentModel(zhang, notice.latestVersion!.id);
      expect(kept.blocks.length).toBeGreaterThan(0);
      expect(kept.warnings.map((w) => w.code)).not.toContain('model-tampered');
      expect((await s.verifyRecords(s.login('admin', ADMIN_PASSWORD))).ok).toBe(true);
    } finally {
      services.close();
    }
  });

  it('copies the server’s record back into a new SQLite file, which verifies', async () => {
    const source = openRecordsDatabase(pgUrl('dept'));
    const target = openRecordsDatabase(join(work, 'back.db'), { copyTarget: true });
    copyRecords(source, target, 'back.db');
    source.close();
    target.close();
    await verified(join(work, 'back.db'));
    const services = openServices({ database: join(work, 'back.db') });
    try {
      const s = services.records;
      expect(s.getDocument(s.login('wang', PASSWORD), documentId).signoffs.map((x: { step: string }) => x.step)).toEqual(['drafter', 'division-head']);
      const root = s.login('admin', ADMIN_PASSWORD);
      expect(services.packages.listTrustedInstallations(root).map((t) => t.label)).toEqual(['办公室']);
      expect(services.packages.listPackages(root).map((p) => `${p.direction} ${p.kind}`)).toEqual(['sent review']);
    } finally {
      services.close();
    }
  });

  it('refuses a destination that already holds records', async () => {
    const usedServices = openServices({ database: pgUrl('used') });
    usedServices.records.bootstrapAdmin('root', '管理员', ADMIN_PASSWORD);
    usedServices.close();
    const used = openRecordsDatabase(pgUrl('used'));
    const source = openRecordsDatabase(join(work, 'desk.db'));
    expect(() => copyRecords(source, used, 'used')).toThrow(CopyTargetNotEmptyError);
    source.close();
    used.close();
  });
});
