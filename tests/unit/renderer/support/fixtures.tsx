// Small documents and findings for the component tests, shaped as the service returns them.
import type { Severity } from '../../../../shared/findings';
import type { DocumentDetail, StoredFinding } from '../../../../shared/records';
import type { MishenBridge } from '../../../../shared/api-contract';

let seq = 0;
export function finding(over: Partial<StoredFinding> & { match: string; severity: Severity; category: string }): StoredFinding {
  seq += 1;
  return { id: `f${seq}`, seq, context: over.match, part: 'body', paragraph: 0, ruleId: 'test', explanation: '测试', ...over };
}

export function documentWith(findings: StoredFinding[], signoffs: DocumentDetail['signoffs'] = []): DocumentDetail {
  const version = { id: 'v1', documentId: 'd1', number: 1, sha256: 'ab'.repeat(32), fileName: '报告.docx', size: 1000, createdAt: '2025-01-01T00:00:00Z' };
  return {
    id: 'd1',
    title: '关于供水工作的报告',
    docNumber: '',
    division: '综合处',
    drafterId: 'u1',
    drafterName: '张三',
    publicationMode: '主动公开',
    channel: '',
    scope: '',
    publishTime: '',
    createdAt: '2025-01-01T00:00:00Z',
    state: '待自查',
    latestVersion: version,
    verdict: 'block',
    versions: [version],
    scan: { id: 's1', versionId: 'v1', verdict: 'block', warnings: [], dictionaryVersion: 'x', dictionaryHash: 'x', dictionaryLists: [], engineVersion: '0.1.0', createdAt: '2025-01-01T00:00:00Z', findings },
    signoffs,
  };
}

export const drafter = { id: 'u1', username: 'zhangsan', displayName: '张三', role: 'drafter', division: '综合处', disabled: false } as const;

/** A window.mishen whose every channel rejects unless the test gives it an answer. */
export function installMishen(overrides: Partial<Record<keyof MishenBridge, (...args: never[]) => Promise<unknown>>>): void {
  const bridge = new Proxy({}, { get: (_t, channel: string) => overrides[channel as keyof MishenBridge] ?? (() => Promise.reject(new Error(`未模拟的调用 ${channel}`))) });
  Object.defineProperty(window, 'mishen', { value: bridge, configurable: true, writable: true });
}
