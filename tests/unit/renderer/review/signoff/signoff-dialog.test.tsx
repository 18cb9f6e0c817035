// @vitest-environment jsdom
import '../../support/dom-setup';
import { App } from 'antd';
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SignoffDialog } from '../../../../../renderer/src/review/signoff/SignoffDialog';
import { initialStoreState, useMishenStore } from '../../../../../renderer/src/store';
import { documentWith, drafter, finding, installMishen } from '../../support/fixtures';

describe('SignoffDialog', () => {
  beforeEach(() => {
    useMishenStore.setState({ ...initialStoreState, user: drafter, detail: documentWith([finding({ match: '机密★5年', severity: 'block', category: 'classification-mark' })]) });
  });

  it('shows the refusal sentence from the rejected call, without Electron’s wrapper', async () => {
    const sign = vi.fn().mockRejectedValue(new Error("Error invoking remote method 'signoff/sign': ServiceError: 还有 1 处「禁止发布」的问题未处置（如「机密★5年」），须逐项处置后才能签批。"));
    installMishen({ 'signoff/sign': sign });
    const onSigned = vi.fn();
    render(
      <App>
        <SignoffDialog open step="drafter" onClose={() => undefined} onSigned={onSigned} />
      </App>,
    );
    fireEvent.change(screen.getByLabelText('审查意见'), { target: { value: '已自查。' } });
    fireEvent.click(screen.getByRole('button', { name: '确认签批' }));
    const refusal = await screen.findByTestId('signoff-refusal');
    expect(refusal.textContent).toContain('还有 1 处「禁止发布」的问题未处置');
    expect(refusal.textContent).not.toContain('Error invoking');
    expect(sign).toHaveBeenCalledWith('v1', expect.objectContaining({ step: 'drafter', decision: 'approve', opinion: '已自查。' }));
    expect(onSigned).not.toHaveBeenCalled();
  });

  it('asks the office for an outcome', async () => {
    installMishen({});
    render(
      <App>
        <SignoffDialog open step="office" onClose={() => undefined} onSigned={() => undefined} />
      </App>,
    );
    expect(screen.getByText('签批：办公室审核')).toBeTruthy();
    expect(screen.getByLabelText('审查结论')).toBeTruthy();
  });
});
