// @vitest-environment jsdom
import '../../support/dom-setup';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../../../../shared/document-model';
import { findingsByBlock } from '../../../../../renderer/src/review/document/block-findings';
import { HighlightedBlock } from '../../../../../renderer/src/review/document/HighlightedBlock';
import { findingInBlock, highlightSegments } from '../../../../../renderer/src/review/document/highlight';
import { finding } from '../../support/fixtures';

const text = '本报告涉及的应急水源地具体位置和备用设施参数属于工作秘密，未经批准不得扩散。';
const block: TextBlock = { part: 'body', paragraph: 3, text };

describe('highlighting findings in a block', () => {
  it('marks each finding at its offsets, coloured by severity', () => {
    const place = finding({ match: '应急水源地', severity: 'info', category: 'location-infrastructure', paragraph: 3, start: 6, end: 11 });
    const secret = finding({ match: '工作秘密', severity: 'review', category: 'work-secret', paragraph: 3, start: 24, end: 28 });
    const { container } = render(<HighlightedBlock block={block} findings={[place, secret]} selectedFindingId={secret.id} onSelect={() => undefined} />);
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['应急水源地', '工作秘密']);
    expect(marks[0].getAttribute('data-severity')).toBe('info');
    expect(marks[1].className).toContain('severity-review');
    expect(marks[1].className).toContain('selected');
    expect(container.textContent).toBe(text);
  });

  it('cuts overlapping findings at every boundary and colours the overlap by the most severe', () => {
    const address = finding({ match: '长春市南关区幸福街道3栋', severity: 'review', category: 'personal-info', start: 0, end: 12 });
    const street = finding({ match: '长春市南关区', severity: 'block', category: 'personal-info', start: 0, end: 6 });
    const segs = highlightSegments('长春市南关区幸福街道3栋401室', [address, street]);
    expect(segs.map((s) => [s.text, s.severity, s.findings.length])).toEqual([
      ['长春市南关区', 'block', 2],
      ['幸福街道3栋', 'review', 1],
      ['401室', undefined, 0],
    ]);
  });

  it('falls back to the match text when offsets do not fit, and matches blocks by part, paragraph and page', () => {
    const stale = finding({ match: '不得扩散', severity: 'review', category: 'work-secret', paragraph: 3, start: 500, end: 504 });
    const segs = highlightSegments(text, [stale]);
    expect(segs.find((s) => s.findings.length)?.text).toBe('不得扩散');
    // Its offsets fit no text of the paragraph, yet the paragraph is where it belongs.
    expect(findingInBlock(stale, block)).toBe(false);
    expect(findingsByBlock([block], [stale])).toEqual([[stale]]);
    const placed = finding({ match: '工作秘密', severity: 'review', category: 'work-secret', paragraph: 3 });
    expect(findingInBlock(placed, block)).toBe(true);
    expect(findingInBlock({ ...placed, part: 'header' }, block)).toBe(false);
    const pdfPage: TextBlock = { part: 'body', paragraph: 0, page: 2, text: 'x' };
    expect(findingInBlock({ ...placed, paragraph: 0, page: 2 }, pdfPage)).toBe(true);
    expect(findingInBlock({ ...placed, paragraph: 0, page: 1 }, pdfPage)).toBe(false);
  });

  it('tells apart two pieces of one paragraph (two tracked deletions) by the text at the offsets', () => {
    const first: TextBlock = { part: 'tracked-deletion', paragraph: 1, text: '根据会议纪要（机密）精神，' };
    const second: TextBlock = { part: 'tracked-deletion', paragraph: 1, text: '内部资料' };
    const mark = finding({ match: '机密', severity: 'block', category: 'classification-mark', part: 'tracked-deletion', paragraph: 1, start: 7, end: 9 });
    const label = finding({ match: '内部资料', severity: 'block', category: 'work-secret', part: 'tracked-deletion', paragraph: 1, start: 0, end: 4 });
    expect(findingsByBlock([first, second], [mark, label])).toEqual([[mark], [label]]);
  });
});
