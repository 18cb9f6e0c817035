// A button that is never dead: when it cannot be used it is disabled and says why (tooltip and
// aria-label), so the user knows what to do instead.
import { Button, Tooltip, type ButtonProps } from 'antd';

export interface GuardedButtonProps extends ButtonProps {
  /** Why the button cannot be used now; the button is disabled when this is set. */
  readonly blockedReason?: string;
}

export function GuardedButton({ blockedReason, disabled, children, ...rest }: GuardedButtonProps) {
  const button = (
    <Button {...rest} disabled={disabled || !!blockedReason} data-blocked-reason={blockedReason}>
      {children}
    </Button>
  );
  return blockedReason ? <Tooltip title={blockedReason}>{button}</Tooltip> : button;
}
