// @vitest-environment jsdom
import './dom-setup';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PreviewBlock } from '../../../shared/api-contract';
import { HighlightedBlock } from '../../../renderer/src/components/HighlightedBlock';
import { findingInBlock, highlightSegments } from '../../../renderer/src/review/highlight';
import { finding } from './fixtures';

const text = '本报告涉及的应急水源地具体位置和备用设施参数属于工作秘密，未经批准不得扩散。';
const block: PreviewBlock = { part: 'body', paragraph: 3, text };

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
    expect(findingInBlock(stale, block)).toBe(true);
    expect(findingInBlock({ ...stale, part: 'header' }, block)).toBe(false);
    const pdfPage: PreviewBlock = { part: 'body', paragraph: 0, page: 2, text: 'x' };
    expect(findingInBlock({ ...stale, paragraph: 0, page: 2 }, pdfPage)).toBe(true);
    expect(findingInBlock({ ...stale, paragraph: 0, page: 1 }, pdfPage)).toBe(false);
  });
});
