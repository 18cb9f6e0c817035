// 实时检测: paste text or pick a document and see what the CURRENT, UNSAVED dictionary finds. The
// set is compiled and the engine run in a worker (live-tester.worker.ts); jieba's segmentation
// comes from the main process, so the result is what a scan with this set would report.
import { FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Input, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TextBlock } from '../../../shared/document-model';
import type { ExtractedText } from '../../../shared/dictionary-api';
import { call, errorMessage } from '../api';
import { VerdictTag } from '../components/VerdictTag';
import { dictionarySelectors, useMishenStore } from '../store';
import { importFileOf } from './files';
import { LiveTesterClient } from './live-tester-client';
import type { TesterResult } from './live-tester-protocol';
import { TesterFindings } from './TesterFindings';

const DEBOUNCE_MS = 300;
const SAMPLE = '关于松柏计划实施情况的报告\n经研究，现将有关事项通知如下。';

export function LiveTester() {
  const set = useMishenStore(dictionarySelectors.draftSet);
  const pending = useMishenStore(dictionarySelectors.pendingCount);
  const client = useRef<LiveTesterClient | null>(null);
  const [text, setText] = useState(SAMPLE);
  const [doc, setDoc] = useState<ExtractedText>();
  const [revision, setRevision] = useState(0);
  const compiles = useRef(0);
  const [compileMs, setCompileMs] = useState<number>();
  const [compiling, setCompiling] = useState(false);
  const [result, setResult] = useState<TesterResult>();
  const [error, setError] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    client.current = new LiveTesterClient();
    return () => client.current?.dispose();
  }, []);

  // Recompile (off the UI thread) whenever the unsaved set changes.
  useEffect(() => {
    if (!set || !client.current) return;
    const timer = setTimeout(() => {
      const next = ++compiles.current;
      setCompiling(true);
      client.current!.compile(set, next).then(
        (ms) => {
          if (next !== compiles.current) return; // a newer set is already compiling
          setCompileMs(ms);
          setCompiling(false);
          setError(undefined);
          setRevision(next);
        },
        (e) => {
          setCompiling(false);
          setError(`词库无法编译：${errorMessage(e)}`);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [set]);

  const blocks = useMemo<TextBlock[]>(
    () => doc?.blocks.slice() ?? text.split(/\r?\n/).map((line, paragraph) => ({ part: 'body' as const, paragraph, text: line })).filter((b) => b.text.trim()),
    [doc, text],
  );

  useEffect(() => {
    if (revision === 0 || !client.current) return;
    let stale = false;
    const timer = setTimeout(() => {
      client.current!.review(blocks).then(
        (r) => !stale && (setResult(r), setError(undefined)),
        (e) => !stale && setError(errorMessage(e)),
      );
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [blocks, revision]);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      setDoc(await call('dictionary/extract', await importFileOf(file)));
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Row gutter={16}>
      <Col span={11}>
        <Card
          size="small"
          title="检测文字"
          extra={
            <Space>
              <input ref={fileInput} type="file" hidden data-testid="tester-file-input" accept=".docx,.docm,.doc,.pdf,.txt" onChange={(e) => void pick(e.target.files?.[0])} />
              <Button icon={<FileSearchOutlined />} onClick={() => fileInput.current?.click()}>
                选择文稿…
              </Button>
              {doc && <Button onClick={() => setDoc(undefined)}>改为粘贴文字</Button>}
            </Space>
          }
        >
          {doc ? (
            <Alert type="info" showIcon title={`正在检测文稿「${doc.name}」`} description={`共 ${doc.blocks.length} 段（含页眉页脚、批注、修订、文档属性等各部分），只在本窗口检测，不会登记或保存。`} />
          ) : (
            <Input.TextArea aria-label="检测文字" data-testid="tester-text" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 14, maxRows: 26 }} placeholder="粘贴要检测的文字" />
          )}
        </Card>
      </Col>
      <Col span={13}>
        <Card
          size="small"
          title={
            <Flex align="center" gap={8}>
              <span>检测结果</span>
              {result && <VerdictTag verdict={result.verdict} />}
              {result && <Tag data-testid="tester-count">{result.findings.length} 处</Tag>}
            </Flex>
          }
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="tester-status">
              {compiling ? '正在编译词库…' : pending ? `按未保存的词库检测（${pending} 处修改）` : '按当前词库检测'}
              {compileMs !== undefined && !compiling ? `，编译用时 ${compileMs} 毫秒` : ''}
            </Typography.Text>
          }
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
          <div style={{ maxHeight: 'calc(100vh - 300px)', overflow: 'auto' }}>{result ? <TesterFindings findings={result.findings} /> : <Typography.Text type="secondary">正在准备…</Typography.Text>}</div>
        </Card>
      </Col>
    </Row>
  );
}
