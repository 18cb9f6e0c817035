// @vitest-environment jsdom
// Opening a review: the record, the stored model and (for a PDF) the file are asked for at once, not
// one after the other; opening the same document again keeps what is shown when nothing changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../../../shared/api-contract';
import { initialStoreState, useMishenStore } from '../../../../renderer/src/store';
import { keepUnchanged } from '../../../../renderer/src/store/review/keep-unchanged';
import { documentWith, drafter, finding, installMishen } from '../support/fixtures';

const detail = documentWith([finding({ match: '机密★5年', severity: 'block', category: 'classification-mark', page: 1 })]);
const pdfDetail = { ...detail, latestVersion: { ...detail.latestVersion, fileName: '报告.pdf' } };
const model = { versionId: 'v1', format: 'pdf', blocks: [], pageCount: 1 } as unknown as DocumentModel;

/** A promise the test resolves when it wants to. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('openDocument', () => {
  let asked: string[];
  let record: ReturnType<typeof deferred<typeof pdfDetail>>;

  beforeEach(() => {
    asked = [];
    record = deferred();
    installMishen({
      'documents/get': () => (asked.push('documents/get'), record.promise),
      'documents/model': () => (asked.push('documents/model'), Promise.resolve(model)),
      'documents/content': () => (asked.push('documents/content'), Promise.resolve(new Uint8Array([37, 80, 68, 70]))),
    });
    useMishenStore.setState({ ...initialStoreState, user: drafter, documents: [pdfDetail] });
  });

  afterEach(() => {
    useMishenStore.setState({ ...initialStoreState });
  });

  it('asks for the record, the model and the file at once, and shows the first finding selected', async () => {
    const done = useMishenStore.getState().openDocument('d1');
    await Promise.resolve();
    expect(asked).toEqual(expect.arrayContaining(['documents/get', 'documents/model', 'documents/content']));
    record.resolve(pdfDetail);
    await done;
    const s = useMishenStore.getState();
    expect(s.detail?.id).toBe('d1');
    expect(s.model).toBe(model);
    expect(s.selectedFindingId).toBe(detail.scan.findings[0].id);
    // The model was not asked for a second time once the record came.
    expect(asked.filter((c) => c === 'documents/model')).toHaveLength(1);
  });

  it('opening it again keeps the shown record and model when the record is unchanged', async () => {
    record.resolve(pdfDetail);
    await useMishenStore.getState().openDocument('d1');
    const shown = useMishenStore.getState().detail;
    asked = [];
    record = deferred();
    const again = useMishenStore.getState().openDocument('d1');
    record.resolve(structuredClone(pdfDetail));
    await again;
    expect(useMishenStore.getState().detail).toBe(shown);
    expect(asked).not.toContain('documents/model');
  });
});

describe('keepUnchanged', () => {
  it('keeps the shown findings while a disposition is the same, takes the new ones when one changed', () => {
    const copy = structuredClone(detail);
    expect(keepUnchanged(detail, copy)).toBe(detail);
    const renamed = { ...structuredClone(detail), title: '新标题' };
    const kept = keepUnchanged(detail, renamed);
    expect(kept.title).toBe('新标题');
    expect(kept.scan.findings).toBe(detail.scan.findings);
    const f = detail.scan.findings[0];
    const disposed = { ...detail, scan: { ...detail.scan, findings: [{ ...f, disposition: { id: 'x1', findingId: f.id, userId: 'u1', action: 'fixed', reason: '', userName: '张三', createdAt: '2025-01-02T00:00:00Z' } }] } } as typeof detail;
    expect(keepUnchanged(detail, disposed)).toBe(disposed);
  });
});
