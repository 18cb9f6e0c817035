// @vitest-environment jsdom
import '../../support/dom-setup';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FINDING_ROW_HEIGHT, FindingsList } from '../../../../../renderer/src/review/findings/FindingsList';
import { useReviewKeyboard } from '../../../../../renderer/src/review/use-review-keyboard';
import { initialStoreState, useMishenStore } from '../../../../../renderer/src/store';
import { documentWith, drafter, finding } from '../../support/fixtures';

function ListWithKeyboard() {
  useReviewKeyboard(true);
  return <FindingsList />;
}

const info = finding({ match: '应急水源地', severity: 'info', category: 'location-infrastructure', paragraph: 3 });
const reviewWork = finding({ match: '工作秘密', severity: 'review', category: 'work-secret', paragraph: 3 });
const blockWork = finding({ match: '此件不公开', severity: 'block', category: 'work-secret', paragraph: 5 });
const blockMark = finding({ match: '机密★5年', severity: 'block', category: 'classification-mark', paragraph: 0 });

describe('FindingsList', () => {
  beforeEach(() => {
    useMishenStore.setState({ ...initialStoreState, user: drafter, detail: documentWith([info, reviewWork, blockWork, blockMark]) });
  });

  it('groups by severity (禁止发布 first), then category (密级标志 before 工作秘密)', () => {
    render(<FindingsList />);
    const groups = [...document.querySelectorAll('[data-severity-group]')].map((g) => g.getAttribute('data-severity-group'));
    expect(groups).toEqual(['block', 'review', 'info']);
    const order = [...document.querySelectorAll('[data-finding-id]')].map((el) => el.querySelector('.finding-match')!.textContent);
    expect(order).toEqual(['机密★5年', '此件不公开', '工作秘密', '应急水源地']);
    expect(screen.getByText('密级标志（1）')).toBeTruthy();
  });

  it('j / ArrowDown and k / ArrowUp walk the list in that order; keys typed in a field are left alone', () => {
    render(<ListWithKeyboard />);
    const selected = () => document.querySelector('[aria-selected="true"] .finding-match')?.textContent;
    act(() => void fireEvent.keyDown(document, { key: 'j' }));
    expect(selected()).toBe('机密★5年');
    act(() => void fireEvent.keyDown(document, { key: 'j' }));
    act(() => void fireEvent.keyDown(document, { key: 'ArrowDown' }));
    expect(selected()).toBe('工作秘密');
    act(() => void fireEvent.keyDown(document, { key: 'k' }));
    expect(selected()).toBe('此件不公开');
    act(() => void fireEvent.keyDown(document, { key: 'ArrowUp' }));
    act(() => void fireEvent.keyDown(document, { key: 'ArrowUp' }));
    expect(selected()).toBe('机密★5年');

    const input = document.createElement('input');
    document.body.appendChild(input);
    act(() => void fireEvent.keyDown(input, { key: 'j' }));
    expect(selected()).toBe('机密★5年');
  });

  it('2 asks for a reason first (误报 needs one), 1 would record at once', () => {
    render(<ListWithKeyboard />);
    act(() => void fireEvent.keyDown(document, { key: 'j' }));
    act(() => void fireEvent.keyDown(document, { key: '2' }));
    expect(useMishenStore.getState().pendingDisposition).toEqual({ findingId: blockMark.id, action: 'false-positive' });
  });
});

describe('FindingsList with thousands of findings', () => {
  // jsdom has no layout: give the list a 340 px view and a scrollTop that keeps what is set.
  const scrollTops = new WeakMap<Element, number>();
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 340 });
    Object.defineProperty(HTMLElement.prototype, 'scrollTop', { configurable: true, get() { return scrollTops.get(this) ?? 0; }, set(v: number) { scrollTops.set(this, v); } });
    const many = Array.from({ length: 2000 }, (_, i) => finding({ match: `电话${i + 1}`, severity: i < 500 ? 'block' : 'review', category: i % 2 ? 'personal-info' : 'work-secret', paragraph: i }));
    useMishenStore.setState({ ...initialStoreState, user: drafter, detail: documentWith(many) });
  });
  afterEach(() => {
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    delete (HTMLElement.prototype as { scrollTop?: number }).scrollTop;
  });

  it('renders only a window of rows, and j walks into rows not yet rendered, keeping grouping and order', () => {
    render(<ListWithKeyboard />);
    const items = () => [...document.querySelectorAll('[data-finding-id]')];
    expect(items().length).toBeGreaterThan(5);
    expect(items().length).toBeLessThan(60);
    expect(document.querySelector('[data-severity-group="block"]')).toBeTruthy();
    for (let i = 0; i < 300; i++) act(() => void fireEvent.keyDown(document, { key: 'j' }));
    const selected = document.querySelector('[aria-selected="true"]')!;
    expect(selected.getAttribute('data-finding-ordinal')).toBe('300');
    expect(selected.getAttribute('aria-posinset')).toBe('300');
    expect(selected.getAttribute('aria-setsize')).toBe('2000');
    const list = screen.getByTestId('findings-list');
    expect(list.getAttribute('aria-activedescendant')).toBe(selected.id);
    // Scrolled just far enough that the selected row is the last one in view.
    const top = Number.parseFloat((selected.parentElement as HTMLElement).style.top) + [...selected.parentElement!.children].indexOf(selected) * FINDING_ROW_HEIGHT;
    expect(list.scrollTop).toBe(top + FINDING_ROW_HEIGHT - 340);
    expect(items().length).toBeLessThan(60);
    // The first rows have left the DOM.
    expect(document.querySelector('[data-finding-ordinal="1"]')).toBeNull();
  });
});
