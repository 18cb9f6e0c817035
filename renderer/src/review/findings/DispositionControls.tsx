// The four dispositions (keys 1–4). 误报 and 保留并说明 need a written reason: the input opens
// focused, Enter saves, Esc cancels.
import { useShallow } from 'zustand/react/shallow';
import { Alert, Button, Flex, Input, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { DISPOSITIONS_NEEDING_REASON, DISPOSITION_ACTIONS, DISPOSITION_LABELS, type StoredFinding } from '../../../../shared/records';
import { reviewSelectors, useMishenStore } from '../../store';
import { BlockedReason, GuardedButton } from '../../components/GuardedButton';

export function DispositionControls({ finding }: { finding: StoredFinding }) {
  const permission = useMishenStore(useShallow(reviewSelectors.canDispose));
  const pending = useMishenStore(reviewSelectors.pendingDisposition);
  const disposing = useMishenStore(reviewSelectors.disposing);
  const error = useMishenStore(reviewSelectors.disposeError);
  const chooseDisposition = useMishenStore((s) => s.chooseDisposition);
  const cancelDisposition = useMishenStore((s) => s.cancelDisposition);
  const dispose = useMishenStore((s) => s.dispose);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const waiting = pending?.findingId === finding.id ? pending : undefined;
  // The four buttons are blocked for the same reason: one line under the row says it for all.
  const reasonId = useId();

  useEffect(() => {
    setReason(finding.disposition && waiting && finding.disposition.action === waiting.action ? finding.disposition.reason : '');
    setReasonMissing(false);
  }, [finding, waiting]);

  const save = () => {
    if (!waiting) return;
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    void dispose(finding.id, waiting.action, reason.trim());
  };

  return (
    <Flex vertical gap={8} data-testid="disposition-controls">
      <Flex gap={6} wrap>
        {DISPOSITION_ACTIONS.map((action, i) => (
          <GuardedButton
            key={action}
            size="small"
            type={finding.disposition?.action === action || waiting?.action === action ? 'primary' : 'default'}
            danger={action === 'must-fix'}
            blockedReason={permission.reason}
            reasonId={reasonId}
            loading={disposing && waiting?.action === action}
            onClick={() => void chooseDisposition(action)}
            aria-keyshortcuts={String(i + 1)}
            data-disposition={action}
          >
            <kbd style={{ opacity: 0.7, marginRight: 4 }}>{i + 1}</kbd>
            {DISPOSITION_LABELS[action]}
          </GuardedButton>
        ))}
      </Flex>
      {permission.reason && <BlockedReason id={reasonId} reason={permission.reason} />}
      {waiting && DISPOSITIONS_NEEDING_REASON.has(waiting.action) && (
        <Flex gap={6} align="flex-start">
          <Flex vertical style={{ flex: 1 }}>
            <Input
              autoFocus
              value={reason}
              status={reasonMissing ? 'error' : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonMissing(false);
              }}
              onPressEnter={save}
              onKeyDown={(e) => {
                if (e.key === 'Escape') cancelDisposition();
              }}
              placeholder={`「${DISPOSITION_LABELS[waiting.action]}」的理由（必填），Enter 保存，Esc 取消`}
              aria-label={`${DISPOSITION_LABELS[waiting.action]}的理由`}
              data-testid="disposition-reason"
            />
            {reasonMissing && <Typography.Text type="danger">请写明理由后再保存。</Typography.Text>}
          </Flex>
          <Button type="primary" size="middle" onClick={save} loading={disposing}>
            保存
          </Button>
          <Button onClick={cancelDisposition}>取消</Button>
        </Flex>
      )}
      {error && <Alert type="error" showIcon title="处置未保存" description={error} />}
    </Flex>
  );
}
