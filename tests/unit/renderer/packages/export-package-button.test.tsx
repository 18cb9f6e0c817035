// @vitest-environment jsdom
// 导出送审包 / 导出审核决定包: offered to whom it is for, disabled with the rule's sentence (the one the
// service refuses with) until it can be used, and when used hands the window the file to save.
import '../support/dom-setup';
import { App } from 'antd';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentDetail, SignoffRecord, UserInfo } from '../../../../shared/records';
import { ExportPackageButton } from '../../../../renderer/src/packages/ExportPackageButton';
import type { DocumentPackages } from '../../../../renderer/src/packages/use-document-packages';
import { useMishenStore } from '../../../../renderer/src/store';
import { documentWith, drafter, installMishen } from '../support/fixtures';

const reviewer: UserInfo = { id: 'u9', username: 'wangwu', displayName: '王五', role: 'office-reviewer', division: '办公室', disabled: false };
const signed = (...steps: SignoffRecord['step'][]) => steps.map((step) => ({ step, decision: 'approve' }) as SignoffRecord);
const packages = (cameByPackage = false): DocumentPackages => ({ packages: [], cameByPackage, reload: vi.fn(async () => undefined) });

function show(user: UserInfo, detail: DocumentDetail, p = packages()) {
  useMishenStore.setState({ user });
  return render(
    <App>
      <ExportPackageButton detail={detail} packages={p} />
    </App>,
  );
}

afterEach(() => useMishenStore.setState({ user: null }));

describe('ExportPackageButton', () => {
  it('the division: disabled with the reason until the head has approved', () => {
    show(drafter, documentWith([], signed('drafter')));
    const button = screen.getByRole('button', { name: /导出送审包/ }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByTestId('blocked-reason').textContent).toBe('送审包须在处室负责人审核通过后导出，该文稿当前为「待处室审核」。');
  });

  it('the division, once the head has approved: exports and hands over the file', async () => {
    const exported = vi.fn(async () => ({ name: '送审包-报告-第1版.mspkg', bytes: new Uint8Array([123, 125]) }));
    installMishen({ 'packages/export': exported });
    const createObjectURL = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    // What <a download> does in Electron (the save dialog); jsdom would try to navigate.
    const save = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const p = packages();
    show(drafter, documentWith([], signed('drafter', 'division-head')), p);
    const button = screen.getByRole('button', { name: /导出送审包/ }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(p.reload).toHaveBeenCalled());
    expect(exported).toHaveBeenCalledWith('d1');
    expect(createObjectURL).toHaveBeenCalled();
    expect(save).toHaveBeenCalledTimes(1);
    save.mockRestore();
  });

  it('the office reviewer: nothing for a document that did not come by package; 导出审核决定包 once signed', () => {
    const { unmount } = show(reviewer, documentWith([], signed('drafter', 'division-head', 'office')));
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    show(reviewer, documentWith([], signed('drafter', 'division-head')), packages(true));
    expect(screen.getByTestId('blocked-reason').textContent).toBe('该版本尚无「办公室审核」签批，请先签批再导出审核决定包。');
  });
});
