// @vitest-environment jsdom
// The diff between two versions: entries and allow phrases added, removed and changed, with what changed.
import '../support/dom-setup';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { diffDictionarySets } from '../../../../shared/dictionary/diff';
import { DiffView, diffRows } from '../../../../renderer/src/dictionary/DiffView';
import { allow, smallSet, term } from '../support/dictionary-fixtures';

const before = smallSet();
const after = {
  ...before,
  entries: [term('机密', 'classification-mark', 'block', { enabled: false }), term('内部资料', 'work-secret', 'block', { note: '内部标识' }), term('松柏计划', 'project-codename', 'block')],
  allow: [...before.allow, allow('有机密封', [])],
};

describe('DiffView', () => {
  it('lists added, removed and changed items with the changed fields in words', () => {
    const diff = diffDictionarySets(before, after);
    render(<DiffView diff={diff} from={3} to={4} />);
    const view = screen.getByTestId('diff-view').textContent ?? '';
    expect(view).toContain('第 3 版 → 第 4 版');
    expect(view).toContain('新增 2');
    expect(view).toContain('删除 1');
    expect(view).toContain('修改 2');
    const rows = diffRows(diff);
    expect(rows.find((r) => r.text === '松柏计划')).toMatchObject({ change: '新增', item: '条目' });
    expect(rows.find((r) => r.text === '青松工程')).toMatchObject({ change: '删除' });
    expect(rows.find((r) => r.text === '机密')?.detail).toBe('停用');
    expect(rows.find((r) => r.text === '内部资料')?.detail).toBe('严重程度 需人工判断 → 禁止发布；说明改为「内部标识」');
    expect(rows.find((r) => r.text === '有机密封')).toMatchObject({ change: '新增', item: '白名单', detail: '全部类别' });
  });

  it('says so when two versions have the same content', () => {
    render(<DiffView diff={diffDictionarySets(before, before)} from={1} to={3} />);
    expect(screen.getByText('第 1 版与第 3 版内容相同')).toBeTruthy();
  });
});
