// A picture the file holds (or an image file itself) with the findings OCR's text gave drawn over
// it, and the text OCR read, marked, beneath it.
import { Empty, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TextBlock } from '../../../../shared/document-model';
import { reviewSelectors, useMishenStore } from '../../store';
import { findingInBlock } from './highlight';
import { MarkedText } from './MarkedText';
import { PageBoxes } from './PageBoxes';
import { pictureUrl } from './file-bytes';

export function PictureView({ versionId, block }: { versionId: string; block: TextBlock }) {
  const all = useMishenStore(useShallow(reviewSelectors.findings));
  const selectFinding = useMishenStore((s) => s.selectFinding);
  const findings = all.filter((f) => findingInBlock(f, block));
  const [url, setUrl] = useState<string>();
  const [failed, setFailed] = useState(false);
  const [size, setSize] = useState<{ natural: number; shown: number }>();

  useEffect(() => {
    let live = true;
    pictureUrl(versionId, block.source).then(
      (u) => live && setUrl(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [versionId, block.source]);

  return (
    <figure className="picture-view" data-testid="picture-view">
      <figcaption className="word-band-label">{block.label}</figcaption>
      <div className="picture-frame">
        {failed ? (
          <Empty description="无法显示这张图片。" />
        ) : !url ? (
          <Spin />
        ) : (
          <>
            <img
              src={url}
              alt={block.label ?? '图片'}
              onLoad={(e) => setSize({ natural: e.currentTarget.naturalWidth || 1, shown: e.currentTarget.clientWidth || 1 })}
            />
            {size && <PageBoxes findings={findings} scale={size.shown / size.natural} onSelect={selectFinding} />}
          </>
        )}
      </div>
      <div className="picture-text">
        <MarkedText text={block.text} findings={findings} onSelect={selectFinding} />
      </div>
    </figure>
  );
}
