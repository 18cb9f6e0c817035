// XML parsing and the few namespace-aware look-ups the Word reader needs.

import { DOMParser } from '@xmldom/xmldom';
import type { Document as XmlDocument, Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom';
import type { BoundedZip } from './zip';

export type { XmlDocument, XmlElement };

/** WordprocessingML, transitional and strict: match on either so strict-saved files read too. */
const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const VML_NS = 'urn:schemas-microsoft-com:vml';
export const MATH_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

/** A part whose XML is malformed. */
export class XmlError extends Error {
  constructor(
    readonly partName: string,
    message: string,
  ) {
    super(message);
  }
}

/** Nesting deeper than this is refused before parsing (see checkDepth). */
export const MAX_XML_DEPTH = 1000;

/** A part nested deeper than MAX_XML_DEPTH. */
export class XmlTooDeepError extends XmlError {}

const ELEMENT_NODE = 1;

export function parseXml(text: string, partName: string): XmlDocument {
  // OOXML forbids DTDs; refusing them outright also rules out entity-expansion tricks.
  if (/<!DOCTYPE/i.test(text)) throw new XmlError(partName, 'DTD not allowed');
  checkDepth(text, partName);
  try {
    const doc = new DOMParser({
      locator: false,
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'application/xml');
    if (!doc.documentElement) throw new Error('no root element');
    return doc;
  } catch (err) {
    throw new XmlError(partName, err instanceof Error ? err.message : String(err));
  }
}

/** A part of an OOXML or OFD package, parsed; undefined when the package has no such part. */
export async function parseZipPart(zip: BoundedZip, partName: string): Promise<XmlDocument | undefined> {
  const text = await zip.text(partName);
  return text === undefined ? undefined : parseXml(text, partName);
}

/**
 * A real document nests a few dozen elements deep (tables in tables, text boxes, fields); a crafted
 * one nests 200,000 deep, which costs the parser seconds and hundreds of megabytes and the story
 * walker its stack. One pass over the tags, before parsing: `<a` opens, `</a` and `/>` close;
 * comments, CDATA, processing instructions and quoted attribute values are stepped over.
 */
function checkDepth(text: string, partName: string): void {
  let depth = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    const next = text[i + 1];
    if (next === '/') {
      depth--;
      continue;
    }
    if (next === '!' || next === '?') {
      const end = text.startsWith('<!--', i) ? '-->' : text.startsWith('<![CDATA[', i) ? ']]>' : next === '?' ? '?>' : '>';
      const at = text.indexOf(end, i + 2);
      if (at < 0) return;
      i = at;
      continue;
    }
    let j = i + 1;
    let quote = '';
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (j >= text.length) return; // unterminated: the parser reports it
    if (text[j - 1] !== '/' && ++depth > MAX_XML_DEPTH) throw new XmlTooDeepError(partName, 'nesting too deep');
    i = j;
  }
}

export function elementChildren(node: XmlNode): XmlElement[] {
  const out: XmlElement[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === ELEMENT_NODE) out.push(c as XmlElement);
  }
  return out;
}

/** A WordprocessingML element, optionally with the given local name. */
export function isW(el: XmlElement, localName?: string): boolean {
  return W_NAMESPACES.has(el.namespaceURI ?? '') && (localName === undefined || el.localName === localName);
}

export function isNs(el: XmlElement, ns: string, localName: string): boolean {
  return el.namespaceURI === ns && el.localName === localName;
}

export function firstW(el: XmlElement, localName: string): XmlElement | undefined {
  return elementChildren(el).find((c) => isW(c, localName));
}

/** A w:-namespaced attribute (Word always qualifies its attributes). */
export function wAttr(el: XmlElement, localName: string): string | undefined {
  const attrs = el.attributes;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs.item(i);
    if (a && a.localName === localName && W_NAMESPACES.has(a.namespaceURI ?? '')) return a.value;
  }
  return undefined;
}

/** A boolean toggle such as <w:vanish/>: present and not switched off with w:val="false|0|off". */
export function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const val = wAttr(el, 'val');
  return val === undefined || !['false', '0', 'off'].includes(val.toLowerCase());
}

/**
 * mc:AlternateContent offers the same content several ways (a DrawingML text box and its VML
 * fallback hold the same text); reading all branches would report it twice, so take one.
 */
export function chooseAlternative(alt: XmlElement): XmlElement | undefined {
  const branches = elementChildren(alt).filter((c) => c.namespaceURI === MC_NS);
  return branches.find((b) => b.localName === 'Choice') ?? branches.find((b) => b.localName === 'Fallback');
}
