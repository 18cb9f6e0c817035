// @vitest-environment jsdom
// The entry editor checks as it is typed, against the UNSAVED set: a regular expression that does
// not compile or matches almost everything, a duplicate, a term an allow-list phrase swallows.
import '../support/dom-setup';
import { fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { beforeEach, describe, expect, it } from 'vitest';
import { EntryEditor } from '../../../../renderer/src/dictionary/EntryEditor';
import { initialStoreState, useMishenStore } from '../../../../renderer/src/store';
import { smallSet } from '../support/dictionary-fixtures';

const base = { id: 'v1', number: 1, hash: 'a'.repeat(64), note: '', createdBy: 'system', createdAt: '2025-01-01T00:00:00Z', origin: 'x', active: true, set: smallSet() };

function renderEditor(type: 'term' | 'pattern' = 'term') {
  return render(
    <AntApp>
      <EntryEditor newType={type} onClose={() => {}} />
    </AntApp>,
  );
}

const type = (label: string, value: string) => fireEvent.change(screen.getByRole(label === '类别' ? 'combobox' : 'textbox', { name: label }), { target: { value } });
const problems = (field: string) => document.querySelector(`[data-testid="problems-${field}"]`)?.textContent ?? '';

describe('EntryEditor: validation as you type', () => {
  beforeEach(() => {
    useMishenStore.setState({ ...initialStoreState, dictBase: base, draftSet: base.set });
  });

  it('says a regular expression does not compile, then that it matches almost everything', () => {
    renderEditor('pattern');
    type('正则表达式', '(机密');
    expect(problems('pattern')).toContain('无法编译');
    type('正则表达式', '[\\u4e00-\\u9fff]');
    expect(problems('pattern')).toContain('过于宽泛');
    type('正则表达式', '松柏[一二三]期');
    expect(problems('pattern')).toBe('');
  });

  it('flags a duplicate of an entry in the same category (after normalisation)', () => {
    renderEditor();
    type('词条', '青松工程');
    type('类别', 'project-codename');
    expect(problems('term')).toContain('重复');
    expect(problems('term')).toContain('project-codename/青松工程');
    type('类别', 'custom');
    expect(problems('term')).not.toContain('重复');
  });

  it('flags a term an allow-list phrase would swallow, and warns when a phrase only contains it', () => {
    renderEditor();
    type('类别', 'classification-mark');
    type('词条', '数据机密性');
    expect(problems('term')).toContain('白名单');
    expect(document.querySelector('[data-testid="problems-term"]')?.getAttribute('data-level')).toBe('error');
    type('词条', '机密性');
    expect(problems('term')).toContain('不会报告');
    expect(document.querySelector('[data-testid="problems-term"]')?.getAttribute('data-level')).toBe('warning');
  });

  it('checks against unsaved changes too: a term added but not saved is a duplicate', () => {
    useMishenStore.getState().addEntry({ id: 'project-codename/松柏计划', term: '松柏计划', category: 'project-codename', severity: 'block' });
    renderEditor();
    type('词条', '松柏计划');
    type('类别', 'project-codename');
    expect(problems('term')).toContain('重复');
  });

  it('adds a valid term to the unsaved set, not to the saved one', () => {
    renderEditor();
    type('词条', '松柏计划');
    type('类别', 'project-codename');
    fireEvent.click(screen.getByRole('radio', { name: '禁止发布' }));
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    const s = useMishenStore.getState();
    expect(s.draftSet!.entries.find((e) => e.id === 'project-codename/松柏计划')).toMatchObject({ severity: 'block', source: '手工录入' });
    expect(s.dictBase!.set.entries.some((e) => e.id === 'project-codename/松柏计划')).toBe(false);
    expect(s.pendingEntries).toHaveLength(1);
    expect(s.touchedIds.has('project-codename/松柏计划')).toBe(true);
  });
});
