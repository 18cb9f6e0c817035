// Findings drawn as boxes over a page or a picture, in its own units (PDF and OFD points, picture
// pixels) scaled to what is on screen. A box lists the finding it marks (data-finding-ids) so the
// selected one is outlined (SelectedStyle) and scrolled to; clicking one selects it.
import { SEVERITY_LABELS } from '../../../../shared/labels';
import type { StoredFinding } from '../../../../shared/records';

interface Props {
  readonly findings: readonly StoredFinding[];
  /** On-screen pixels per unit of the boxes. */
  readonly scale: number;
  readonly onSelect: (id: string) => void;
}

export function PageBoxes({ findings, scale, onSelect }: Props) {
  return (
    <>
      {findings.map((f) =>
        f.box ? (
          <button
            type="button"
            key={f.id}
            className={`page-box severity-${f.severity}`}
            data-finding-ids={f.id}
            data-severity={f.severity}
            title={`${SEVERITY_LABELS[f.severity]}：${f.match}`}
            aria-label={`${SEVERITY_LABELS[f.severity]}：${f.match}`}
            style={{ left: f.box.x * scale - 2, top: f.box.y * scale - 2, width: f.box.width * scale + 4, height: f.box.height * scale + 4 }}
            onClick={() => onSelect(f.id)}
          />
        ) : null,
      )}
    </>
  );
}
