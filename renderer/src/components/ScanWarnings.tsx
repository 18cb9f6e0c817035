// Warnings about what the engine could not read (a page without a text layer needs a person or OCR):
// red and at the top, because a finding list without them would look cleaner than the file is.
import { Alert } from 'antd';
import { useShallow } from 'zustand/react/shallow';
import { reviewSelectors, useMishenStore } from '../store';

export function ScanWarnings() {
  const warnings = useMishenStore(useShallow(reviewSelectors.warnings));
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="scan-warnings"
      title={`注意：该文件有 ${warnings.length} 处内容未能自动审查，必须人工逐页核对`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {warnings.map((w, i) => (
            <li key={i}>{w.message}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 12 }}
    />
  );
}
