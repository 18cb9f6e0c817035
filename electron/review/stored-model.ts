// What of a read document is kept with its scan for the window (store/document-models-repo.ts):
// everything the readers produced, except where each text piece of a PDF page stands — pdf.js
// draws the page in the window, and a finding carries its own box. OFD pages keep their pieces:
// the window places their text itself.
import type { ExtractedDocument } from '../../shared/document-model';

export function storedModelOf(doc: ExtractedDocument): ExtractedDocument {
  if (doc.format === 'ofd') return doc;
  return { ...doc, blocks: doc.blocks.map(({ regions: _regions, ...block }) => block) };
}
