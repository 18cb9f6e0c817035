// Warnings about what the engine could not read (a page without a text layer, a picture OCR could
// not read): red and at the top, because a finding list without them would look cleaner than the
// file is. Many of them fold into one line that opens.
import { Alert } from 'antd';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { reviewSelectors, useMishenStore } from '../store';

const SHOWN = 2;

export function ScanWarnings() {
  const warnings = useMishenStore(useShallow(reviewSelectors.warnings));
  const [all, setAll] = useState(false);
  if (warnings.length === 0) return null;
  const shown = all ? warnings : warnings.slice(0, SHOWN);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="scan-warnings"
      className="scan-warnings"
      title={`注意：该文件有 ${warnings.length} 处内容未能完全自动审查，须人工核对`}
      description={
        <ul>
          {shown.map((w, i) => (
            <li key={i}>{w.message}</li>
          ))}
          {warnings.length > SHOWN && (
            <li>
              <button type="button" className="link-button" onClick={() => setAll(!all)}>
                {all ? '收起' : `还有 ${warnings.length - SHOWN} 处，展开`}
              </button>
            </li>
          )}
        </ul>
      }
    />
  );
}
