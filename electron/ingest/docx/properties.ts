// Document properties (File > Info in Word): who wrote it, who edited it last, which unit, the
// title. They travel with a published file and are a classic leak.

import type { TextBlock } from '../../../shared/document-model';
import { elementChildren, type XmlDocument } from './xml';

/** docProps/core.xml, keyed by "prefix:localName" as Word writes them. */
const CORE_LABELS: Readonly<Record<string, string>> = {
  'dc:title': '标题',
  'dc:subject': '主题',
  'dc:creator': '作者',
  'cp:keywords': '关键词',
  'dc:description': '备注',
  'cp:lastModifiedBy': '最后修改者',
  'cp:category': '类别',
  'cp:contentStatus': '状态',
};

const CORE_NAMESPACES: Readonly<Record<string, string>> = {
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
};

/** docProps/app.xml. */
const APP_LABELS: Readonly<Record<string, string>> = {
  Company: '单位',
  Manager: '负责人',
};

export interface PropertyParts {
  readonly core?: XmlDocument;
  readonly app?: XmlDocument;
  readonly custom?: XmlDocument;
}

export function readProperties(parts: PropertyParts): TextBlock[] {
  const found: { label: string; text: string }[] = [];
  for (const el of rootChildren(parts.core)) {
    // Use the canonical prefix, whatever prefix the file chose.
    const key = `${CORE_NAMESPACES[el.namespaceURI ?? ''] ?? ''}:${el.localName}`;
    const name = CORE_LABELS[key];
    if (name) found.push({ label: name, text: el.textContent ?? '' });
  }
  for (const el of rootChildren(parts.app)) {
    const name = APP_LABELS[el.localName ?? ''];
    if (name) found.push({ label: name, text: el.textContent ?? '' });
  }
  for (const el of rootChildren(parts.custom)) {
    // <property name="…"><vt:lpwstr>value</vt:lpwstr></property>
    if (el.localName !== 'property') continue;
    const name = el.getAttribute('name') ?? '';
    found.push({ label: `自定义属性：${name}`, text: el.textContent ?? '' });
  }
  return found
    .filter((p) => p.text.trim() !== '')
    .map((p, paragraph) => ({ part: 'metadata', text: p.text, paragraph, label: p.label }));
}

function rootChildren(doc: XmlDocument | undefined) {
  return doc?.documentElement ? elementChildren(doc.documentElement) : [];
}
