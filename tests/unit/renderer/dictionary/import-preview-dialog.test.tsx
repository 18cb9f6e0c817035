// @vitest-environment jsdom
// The import preview lists every row with what would happen to it and why, before anything changes.
import '../support/dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DictionaryImportPreview } from '../../../../shared/dictionary-api';
import { ImportPreviewDialog } from '../../../../renderer/src/dictionary/ImportPreviewDialog';

const preview: DictionaryImportPreview = {
  fileName: '代号清单.csv',
  baseVersion: 4,
  counts: { add: 1, change: 1, duplicate: 1, invalid: 1 },
  rows: [
    { line: 2, item: 'entry', id: 'project-codename/青松工程', term: '青松工程', category: 'project-codename', severity: 'block', action: 'add', reason: '新增' },
    { line: 3, item: 'entry', id: 'work-secret/内部资料', term: '内部资料', category: 'work-secret', severity: 'block', action: 'change', reason: '严重程度 review → block' },
    { line: 4, item: 'entry', id: 'classification-mark/机密', term: '机密', category: 'classification-mark', severity: 'block', action: 'duplicate', reason: '与已有条目相同' },
    { line: 5, item: 'entry', term: '翠柏工程', category: 'project-codename', severity: '紧急', action: 'invalid', reason: '严重程度「紧急」无效' },
  ],
};

describe('ImportPreviewDialog', () => {
  it('shows the counts and each row with its action and reason', () => {
    render(<ImportPreviewDialog preview={preview} applying={false} onApply={() => {}} onCancel={() => {}} />);
    const counts = screen.getByTestId('import-counts').textContent;
    expect(counts).toContain('基于词库第 4 版');
    expect(screen.getByTestId('import-count-add').textContent).toBe('新增 1');
    expect(screen.getByTestId('import-count-invalid').textContent).toBe('无效，拒绝 1');
    const invalid = document.querySelector('tr.import-row-invalid') as HTMLElement;
    expect(within(invalid).getByText('翠柏工程')).toBeTruthy();
    expect(invalid.textContent).toContain('严重程度「紧急」无效');
    expect(invalid.textContent).toContain('5');
    expect(document.querySelector('tr.import-row-change')?.textContent).toContain('严重程度 review → block');
    expect(screen.getByText(/有 1 行无效/)).toBeTruthy();
  });

  it('applies on confirmation only, naming how many rows it will apply', () => {
    const onApply = vi.fn();
    render(<ImportPreviewDialog preview={preview} applying={false} onApply={onApply} onCancel={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: /确认导入（2 条）/ }));
    expect(onApply).toHaveBeenCalledOnce();
  });

  it('offers nothing to apply when every row is a duplicate or invalid', () => {
    const none = { ...preview, counts: { add: 0, change: 0, duplicate: 1, invalid: 1 }, rows: preview.rows.slice(2) };
    render(<ImportPreviewDialog preview={none} applying={false} onApply={() => {}} onCancel={() => {}} />);
    expect((screen.getByRole('button', { name: /没有可导入的条目/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
