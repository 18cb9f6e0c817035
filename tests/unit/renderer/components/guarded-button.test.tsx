// @vitest-environment jsdom
import '../support/dom-setup';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BlockedReason, GuardedButton } from '../../../../renderer/src/components/GuardedButton';

describe('GuardedButton', () => {
  it('when blocked: disabled, the reason shown as text under it and tied to it by aria-describedby', () => {
    render(<GuardedButton blockedReason="当前步骤「办公室审核」须由办公室审核人签批，您的角色是起草人。">签批</GuardedButton>);
    const button = screen.getByRole('button', { name: /签\s*批/ });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    const reason = screen.getByTestId('blocked-reason');
    expect(reason.textContent).toContain('须由办公室审核人签批');
    expect(button.getAttribute('aria-describedby')).toBe(reason.id);
    // What a keyboard or screen reader user is told about the button.
    expect(screen.getByRole('button', { description: /须由办公室审核人签批/ })).toBe(button);
  });

  it('when usable: enabled, no reason line, no description', () => {
    render(<GuardedButton>签批</GuardedButton>);
    const button = screen.getByRole('button', { name: /签\s*批/ });
    expect((button as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('blocked-reason')).toBeNull();
    expect(button.getAttribute('aria-describedby')).toBeNull();
  });

  it('a row of buttons blocked for one reason can share one line (reasonId)', () => {
    render(
      <>
        <GuardedButton blockedReason="该文稿的审查已办结。" reasonId="why">已修改</GuardedButton>
        <GuardedButton blockedReason="该文稿的审查已办结。" reasonId="why">误报</GuardedButton>
        <BlockedReason id="why" reason="该文稿的审查已办结。" />
      </>,
    );
    expect(screen.getAllByTestId('blocked-reason')).toHaveLength(1);
    for (const name of ['已修改', '误报']) expect(screen.getByRole('button', { name: new RegExp(name.split('').join('\\s*')) }).getAttribute('aria-describedby')).toBe('why');
  });
});
