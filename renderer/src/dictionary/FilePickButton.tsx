// A button that opens the system's file picker (a hidden <input type=file>, reachable by tests).
import { Button, type ButtonProps } from 'antd';
import { useRef, type ReactNode } from 'react';

export interface FilePickButtonProps extends Omit<ButtonProps, 'onClick'> {
  readonly accept: string;
  readonly testId: string;
  readonly onPick: (file: File) => void;
  readonly children: ReactNode;
}

export function FilePickButton({ accept, testId, onPick, children, ...button }: FilePickButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that picking the same file again still fires a change.
          e.target.value = '';
          if (file) onPick(file);
        }}
      />
      <Button {...button} onClick={() => input.current?.click()}>
        {children}
      </Button>
    </>
  );
}
