// The reviewed file's bytes and the pictures in it, fetched once per version and kept while the
// window is open: pdf.js needs the file to draw pages, a picture view its picture.
import { call } from '../../api';
import { perfMark } from '../../perf-marks';

const files = new Map<string, Promise<Uint8Array>>();
const pictures = new Map<string, Promise<string>>();

export function fileBytes(versionId: string): Promise<Uint8Array> {
  let p = files.get(versionId);
  if (!p) {
    p = call('documents/content', versionId);
    void p.then(() => perfMark('content'), () => undefined);
    p.catch(() => files.delete(versionId));
    files.set(versionId, p);
  }
  return p;
}

/** An object URL for a picture in the file (`source`: its path in the package), or for the file itself. */
export function pictureUrl(versionId: string, source: string | undefined): Promise<string> {
  const key = `${versionId}\u0000${source ?? ''}`;
  let p = pictures.get(key);
  if (!p) {
    const bytes = source === undefined ? fileBytes(versionId) : call('documents/content', versionId, source);
    p = bytes.then((b) => URL.createObjectURL(new Blob([b as BlobPart])));
    p.catch(() => pictures.delete(key));
    pictures.set(key, p);
  }
  return p;
}
