// One part of an OOXML or OFD package, parsed; undefined when the package has no such part.
import { parseXml, type XmlDocument } from './xml';
import type { BoundedZip } from './zip';

export async function zipXml(zip: BoundedZip, partName: string): Promise<XmlDocument | undefined> {
  const text = await zip.text(partName);
  return text === undefined ? undefined : parseXml(text, partName);
}
