// A button that is never dead: when it cannot be used it is disabled and says why. The reason is
// shown as text under the button, because a disabled button takes no focus and its tooltip is out
// of reach of the keyboard; aria-describedby ties the text to the button for screen readers.
import { Button, Tooltip, type ButtonProps } from 'antd';
import { useId } from 'react';

export interface GuardedButtonProps extends ButtonProps {
  /** Why the button cannot be used now; the button is disabled when this is set. */
  readonly blockedReason?: string;
  /**
   * The id of a BlockedReason already on screen that explains this button (one line under a row of
   * buttons blocked for the same reason); the button then shows no line of its own.
   */
  readonly reasonId?: string;
}

export function GuardedButton({ blockedReason, reasonId, disabled, children, ...rest }: GuardedButtonProps) {
  const ownId = useId();
  const button = (
    <Button {...rest} disabled={disabled || !!blockedReason} data-blocked-reason={blockedReason} aria-describedby={blockedReason ? (reasonId ?? ownId) : rest['aria-describedby']}>
      {children}
    </Button>
  );
  if (!blockedReason) return button;
  return (
    <span className="guarded-button">
      <Tooltip title={blockedReason}>{button}</Tooltip>
      {!reasonId && <BlockedReason id={ownId} reason={blockedReason} />}
    </span>
  );
}

/** The visible reason a button is disabled: a small grey line. */
export function BlockedReason({ id, reason }: { id: string; reason: string }) {
  return (
    <span id={id} className="blocked-reason" data-testid="blocked-reason">
      {reason}
    </span>
  );
}
