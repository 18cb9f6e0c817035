// @vitest-environment jsdom
import './dom-setup';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { FindingsList } from '../../../renderer/src/components/FindingsList';
import { useReviewKeyboard } from '../../../renderer/src/review/use-review-keyboard';
import { initialStoreState, useMishenStore } from '../../../renderer/src/store';
import { documentWith, drafter, finding } from './fixtures';

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
