// Aggregation over tables: facility names numbered in cells, capacities whose unit stands only in
// the column header, addresses per row — in a Word table and in a table laid out with tabs (PDF).
import { beforeAll, describe, expect, it } from 'vitest';
import { compileDictionary, type CompiledDictionary } from '../../../../shared/dictionary/compile';
import type { ExtractedDocument, TextBlock } from '../../../../shared/document-model';
import type { Finding } from '../../../../shared/findings';
import { reviewDocument } from '../../../../shared/engine/review-document';
import { jiebaSegmenter, warmSegmenter } from '../../../../electron/segment/jieba-segmenter';
import { loadDictionarySet } from '../../../../electron/dictionary/dictionary-files';

let dict: CompiledDictionary;
beforeAll(() => {
  dict = compileDictionary(loadDictionarySet([]));
  warmSegmenter();
});

const HEADER = ['站点名称', '地址', '日供气能力（万立方米/日）'];
const STATIONS = ['门站1号', '门站2号', '调压站3号', '调压站4号', '调压站5号', '调压站6号', '调压站7号', '调压站8号'];
const ROWS = STATIONS.map((name, i) => [name, `长春市绿园区青年路${100 + i * 7}号`, `${(12.5 - i).toFixed(1)}`]);

function aggregation(doc: ExtractedDocument): Finding[] {
  return reviewDocument(doc, dict, jiebaSegmenter).findings.filter((f) => f.category === 'aggregation');
}

const intro: TextBlock = { part: 'body', text: '全市燃气场站基本情况', paragraph: 0 };

describe('aggregation in tables', () => {
  it('a Word table of gas stations with addresses and capacities (unit in the header) outlines its table', () => {
    const blocks: TextBlock[] = [intro];
    [HEADER, ...ROWS].forEach((cells, row) =>
      cells.forEach((text, column) => blocks.push({ part: 'body', text, paragraph: blocks.length, table: 0, row, column })),
    );
    const found = aggregation({ format: 'docx', blocks, warnings: [] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'aggregation/infrastructure-map', table: 0, severity: 'review', label: '表格 1' });
    expect(found[0].combines).toEqual(
      expect.arrayContaining([
        { label: '设施', count: 8 },
        { label: '规模/能力', count: 8 },
        { label: '地址', count: 8 },
      ]),
    );
    expect(found[0].explanation).toContain('日供气能力（万立方米/日）');
  });

  it('the same table laid out with tabs on a PDF page', () => {
    const text = [HEADER, ...ROWS].map((cells) => cells.join('\t')).join('\n');
    const found = aggregation({ format: 'pdf', blocks: [{ part: 'body', text: `全市燃气场站基本情况\n${text}`, paragraph: 0, page: 1 }], warnings: [] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ table: 0, page: 1 });
    expect(found[0].combines).toEqual(expect.arrayContaining([{ label: '规模/能力', count: 8 }]));
  });

  it('bare numbers in a column without a unit or capacity header are not capacities', () => {
    const blocks: TextBlock[] = [intro];
    [['站点名称', '地址', '序号'], ...ROWS.map(([a, b], i) => [a, b, String(i + 1)])].forEach((cells, row) =>
      cells.forEach((text, column) => blocks.push({ part: 'body', text, paragraph: blocks.length, table: 0, row, column })),
    );
    const found = aggregation({ format: 'docx', blocks, warnings: [] });
    expect(found[0].combines?.map((c) => c.label)).not.toContain('规模/能力');
  });

  it('two stations are not a map', () => {
    const blocks: TextBlock[] = [intro];
    [HEADER, ...ROWS.slice(0, 2)].forEach((cells, row) =>
      cells.forEach((text, column) => blocks.push({ part: 'body', text, paragraph: blocks.length, table: 0, row, column })),
    );
    expect(aggregation({ format: 'docx', blocks, warnings: [] })).toEqual([]);
  });
});
