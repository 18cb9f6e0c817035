// @vitest-environment jsdom
import '../../support/dom-setup';
import { App } from 'antd';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewHeader } from '../../../../../renderer/src/review/ReviewHeader';
import { signoffAvailability } from '../../../../../shared/permissions';
import { initialStoreState, useMishenStore } from '../../../../../renderer/src/store';
import { documentWith, drafter, installMishen } from '../../support/fixtures';

/** The review header: the 拟公开方式 button among its actions, the current values on its status line. */
function Control() {
  const detail = useMishenStore((s) => s.detail)!;
  const user = useMishenStore((s) => s.user);
  return (
    <App>
      <ReviewHeader detail={detail} openCount={0} signoff={signoffAvailability(user, detail)} onBack={() => undefined} onHistory={() => undefined} onSign={() => undefined} />
    </App>
  );
}

describe('拟公开方式', () => {
  beforeEach(() => {
    useMishenStore.setState({ ...initialStoreState, user: drafter, detail: documentWith([]), reviewFormHtml: '<p>旧审查单</p>' });
  });

  it('the drafter fills in mode, channel, scope and time; the header shows them and the old 审查单 is dropped', async () => {
    const saved = { ...documentWith([]), publicationMode: '主动公开' as const, channel: '政府门户网站', scope: '社会公众', publishTime: '2025年7月1日' };
    const setPublication = vi.fn().mockResolvedValue(saved);
    installMishen({ 'documents/set-publication': setPublication });
    render(<Control />);
    expect(screen.getByTestId('publication-summary').textContent).toContain('渠道未填');
    fireEvent.click(screen.getByRole('button', { name: /拟公开方式/ }));
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByLabelText('依申请公开'));
    fireEvent.click(screen.getByLabelText('主动公开'));
    fireEvent.change(screen.getByLabelText('公开渠道'), { target: { value: '政府门户网站' } });
    fireEvent.change(screen.getByLabelText('公开范围'), { target: { value: '社会公众' } });
    fireEvent.change(screen.getByLabelText('拟公开时间'), { target: { value: '2025年7月1日' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: /保\s*存/ })));
    await waitFor(() => expect(setPublication).toHaveBeenCalledWith('d1', { publicationMode: '主动公开', channel: '政府门户网站', scope: '社会公众', publishTime: '2025年7月1日' }));
    await waitFor(() => expect(screen.getByTestId('publication-summary').textContent).toBe('拟公开：主动公开 · 政府门户网站 · 社会公众 · 2025年7月1日'));
    expect(useMishenStore.getState().reviewFormHtml).toBeUndefined();
  });

  it('主动公开 without a channel is not sent; the field says what is missing', async () => {
    const setPublication = vi.fn();
    installMishen({ 'documents/set-publication': setPublication });
    render(<Control />);
    fireEvent.click(screen.getByRole('button', { name: /拟公开方式/ }));
    await screen.findByRole('dialog');
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: /保\s*存/ })));
    expect(await screen.findByText('主动公开须写明公开渠道。')).toBeTruthy();
    expect(setPublication).not.toHaveBeenCalled();
  });

  it('the service refusal is shown in the dialog', async () => {
    installMishen({ 'documents/set-publication': vi.fn().mockRejectedValue(new Error('该文稿属于「综合处」，您属于「法规处」。')) });
    render(<Control />);
    fireEvent.click(screen.getByRole('button', { name: /拟公开方式/ }));
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByLabelText('不予公开'));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: /保\s*存/ })));
    expect((await screen.findByTestId('publication-refusal')).textContent).toContain('您属于「法规处」');
  });

  it('an office reviewer sees the values, and no button to change them: that is the division’s to fill in', () => {
    useMishenStore.setState({ user: { ...drafter, role: 'office-reviewer', division: '办公室' } });
    render(<Control />);
    expect(screen.queryByRole('button', { name: /拟公开方式/ })).toBeNull();
    expect(screen.getByTestId('publication-summary').textContent).toContain('主动公开');
  });
});
