// @vitest-environment jsdom
import '../support/dom-setup';
import { render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportFile, ImportResult } from '../../../../shared/api-contract';
import { ImportProgressList } from '../../../../renderer/src/import/ImportProgressList';
import { initialStoreState, useMishenStore } from '../../../../renderer/src/store';
import { documentWith, drafter, installMishen } from '../support/fixtures';

function ConnectedList() {
  const items = useMishenStore((s) => s.importItems);
  return <ImportProgressList items={items} onOpen={() => undefined} />;
}

describe('import progress', () => {
  beforeEach(() => useMishenStore.setState({ ...initialStoreState, user: drafter }));

  it('sends the files one at a time, as bytes, and lists each one’s state and reason', async () => {
    const calls: string[] = [];
    let inFlight = 0;
    let release!: () => void;
    const firstHeld = new Promise<void>((r) => (release = r));
    installMishen({
      'documents/import': (async (file: ImportFile): Promise<ImportResult> => {
        inFlight += 1;
        expect(inFlight).toBe(1);
        expect(file.bytes).toBeInstanceOf(Uint8Array);
        calls.push(file.name);
        if (file.name === 'a.docx') await firstHeld;
        inFlight -= 1;
        if (file.name === 'bad.pdf') return { ok: false, name: file.name, code: 'unreadable-file', message: '无法读取「bad.pdf」：内容不是 PDF。' };
        const { versions: _v, scan: _s, signoffs: _g, ...summary } = documentWith([]);
        return { ok: true, name: file.name, document: { ...summary, verdict: 'pass' } };
      }) as never,
      // While a file is read, the service tells how many of its pages are done.
      'documents/import-progress': (async () => ({ stage: 'pages', done: 3, total: 10 })) as never,
    });
    render(<ConnectedList />);
    // jsdom's File has no arrayBuffer(); the browser's does.
    const file = (text: string, name: string) => Object.assign(new File([text], name), { arrayBuffer: async () => new TextEncoder().encode(text).buffer });
    const files = [file('甲', 'a.docx'), file('乙', 'bad.pdf')];
    const running = useMishenStore.getState().importFiles(files.map((f) => ({ file: f, options: { title: f.name.replace(/\..*$/, '') } })));

    await waitFor(() => expect(screen.getByLabelText('a.docx：正在审查…')).toBeTruthy());
    await waitFor(() => expect(screen.getByTestId('import-progress').textContent).toContain('已读 3/10 页'), { timeout: 2000 });
    expect(screen.getByLabelText('bad.pdf：等待审查')).toBeTruthy();
    expect(calls).toEqual(['a.docx']);

    release();
    await running;
    expect(calls).toEqual(['a.docx', 'bad.pdf']);
    expect(screen.getByLabelText('a.docx：审查完成').textContent).toContain('通过');
    expect(screen.getByLabelText('bad.pdf：无法导入').textContent).toContain('内容不是 PDF');
  });
});
