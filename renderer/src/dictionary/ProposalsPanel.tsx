// 误报建议: allow-list proposals reviewers made from a finding, with the text they came from. The
// security officer accepts (optionally allowing a longer phrase from the context, so the bare
// term is not silenced everywhere) or rejects with a reason.
import { App as AntApp, Button, Input, Modal, Popover, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AllowProposalInfo } from '../../../shared/dictionary-api';
import { categoryLabel } from '../../../shared/labels';
import { PROPOSAL_STATUSES, PROPOSAL_STATUS_LABELS } from '../../../shared/records';
import { call, errorMessage } from '../api';
import { dictionarySelectors, useMishenStore } from '../store';

type Status = AllowProposalInfo['status'];

export function ProposalsPanel() {
  const { message } = AntApp.useApp();
  const revision = useMishenStore(dictionarySelectors.revision);
  const unsaved = useMishenStore(dictionarySelectors.hasUnsavedChanges);
  const changed = useMishenStore((s) => s.dictionaryChanged);
  const [status, setStatus] = useState<Status>('pending');
  const [rows, setRows] = useState<AllowProposalInfo[]>([]);
  const [accepting, setAccepting] = useState<AllowProposalInfo>();
  const [phrase, setPhrase] = useState('');
  const [rejectReason, setRejectReason] = useState('');

  useEffect(() => {
    call('dictionary/proposals', status).then(setRows, (e) => message.error(errorMessage(e)));
  }, [status, revision, message]);

  const accept = async () => {
    if (!accepting) return;
    try {
      const v = await call('dictionary/proposal-accept', accepting.id, '', phrase.trim() && phrase.trim() !== accepting.term ? phrase.trim() : undefined);
      message.success(`已采纳：「${phrase.trim() || accepting.term}」加入白名单，保存为词库第 ${v.number} 版。`);
      setAccepting(undefined);
      await changed();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const reject = async (p: AllowProposalInfo) => {
    try {
      await call('dictionary/proposal-reject', p.id, rejectReason);
      message.success(`已驳回「${p.term}」的误报建议。`);
      setRejectReason('');
      setRows(await call('dictionary/proposals', status));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Segmented<Status> value={status} onChange={setStatus} options={PROPOSAL_STATUSES.map((s) => ({ value: s, label: PROPOSAL_STATUS_LABELS[s] }))} style={{ marginBottom: 12 }} />
      <Table<AllowProposalInfo>
        size="small"
        rowKey="id"
        data-testid="proposals-table"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '没有误报建议' }}
        columns={[
          { title: '命中', dataIndex: 'term', width: 120, render: (t: string) => <Typography.Text strong>{t}</Typography.Text> },
          { title: '类别', dataIndex: 'category', width: 150, render: categoryLabel },
          { title: '原文上下文', dataIndex: 'context', render: (c: string, p) => <span>{highlight(c, p.term)}</span> },
          { title: '理由', dataIndex: 'reason', width: 200 },
          { title: '提出人', dataIndex: 'proposedBy', width: 90 },
          { title: '时间', dataIndex: 'createdAt', width: 170, render: (t: string) => new Date(t).toLocaleString('zh-CN') },
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_, p) =>
              p.status !== 'pending' ? (
                <Tag>{PROPOSAL_STATUS_LABELS[p.status]}</Tag>
              ) : (
                <Space size={0}>
                  <Button type="link" size="small" disabled={unsaved} title={unsaved ? '请先保存或放弃未保存的修改' : undefined} onClick={() => (setAccepting(p), setPhrase(p.term))}>
                    采纳
                  </Button>
                  <Popover
                    trigger="click"
                    title="驳回理由"
                    content={
                      <Space.Compact>
                        <Input aria-label="驳回理由" value={rejectReason} onChange={(e) => setRejectReason(e.target.value)} placeholder="必填" />
                        <Button danger disabled={!rejectReason.trim()} onClick={() => void reject(p)}>
                          驳回
                        </Button>
                      </Space.Compact>
                    }
                  >
                    <Button type="link" size="small" danger>
                      驳回
                    </Button>
                  </Popover>
                </Space>
              ),
          },
        ]}
      />
      {accepting && (
        <Modal open title={`采纳误报建议：「${accepting.term}」`} okText="加入白名单" cancelText="取消" onOk={() => void accept()} onCancel={() => setAccepting(undefined)}>
          <Typography.Paragraph>原文：{highlight(accepting.context, accepting.term)}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">只把这个命中本身加入白名单，会使同一类别下该词在任何文稿中都不再报告。可改为原文中包含它的更长短语：</Typography.Paragraph>
          <Input aria-label="白名单短语" value={phrase} onChange={(e) => setPhrase(e.target.value)} />
        </Modal>
      )}
    </>
  );
}

function highlight(context: string, term: string) {
  const at = context.indexOf(term);
  if (at < 0) return context;
  return (
    <>
      {context.slice(0, at)}
      <mark>{term}</mark>
      {context.slice(at + term.length)}
    </>
  );
}
