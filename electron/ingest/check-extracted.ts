// What every reader's result goes through before the engine sees it: the limit on characters per
// block, and the check that the text reads as text. Both add warnings that send the file to a person.
import type { ExtractedDocument } from '../../shared/document-model';
import { splitLongBlocks } from './block-limits';
import { garbledTextWarnings } from './text-quality';

export function checkExtracted(doc: ExtractedDocument, fileName: string): ExtractedDocument {
  const split = splitLongBlocks(doc, fileName);
  const garbled = garbledTextWarnings(split, fileName);
  return garbled.length === 0 ? split : { ...split, warnings: [...split.warnings, ...garbled] };
}
