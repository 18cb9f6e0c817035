// The roles a hit can play in a document: where it stands (the structure of an official document,
// GB/T 9704) and how it is used in its sentence. An entry's `severityByRole` gives a severity for
// the roles where its words weigh differently: 请示 as the document's own kind is process
// information, 请示 inside the cited title of another document is not.
//
// The order is the precedence: of the roles a hit plays, the first one the entry gives a severity
// for decides. A document published on purpose (a public consultation, a publicity list) comes
// first: what it publishes is public by that purpose. Then the structural places where marks are
// written (a mark in the header is a mark whatever its sentence says), then the document's own
// title, then how the sentence uses the word, and `running` — running text — last.
import type { Severity } from '../findings';

export const SEVERITY_ROLES = [
  'internalConsultation',
  'publicConsultation',
  'publicNotice',
  'header',
  'footer',
  'note',
  'citedTitle',
  'titleSuffix',
  'ownKind',
  'head',
  'standalone',
  'definition',
  'selfReference',
  'tied',
  'mention',
  'normative',
  'enumeration',
  'boundary',
  'contact',
  'title',
  'running',
] as const;

export type SeverityRole = (typeof SEVERITY_ROLES)[number];

/** Severity by role; roles left out do not change the entry's severity. */
export type SeverityByRole = Partial<Record<SeverityRole, Severity>>;

/** The role, in words, for the dictionary screens. */
export const ROLE_LABELS: Readonly<Record<SeverityRole, string>> = {
  header: '页眉',
  footer: '页脚',
  note: '附注或注释行',
  citedTitle: '所引用文件的标题',
  titleSuffix: '标题后的括注',
  ownKind: '本文稿的文种',
  head: '文首版头',
  standalone: '单独成行',
  selfReference: '说本文稿自身的句子',
  internalConsultation: '内部征求意见的文稿',
  publicConsultation: '公开征求意见的文稿',
  publicNotice: '公示',
  mention: '作为概念提及',
  definition: '定义性表述',
  normative: '规范性表述',
  enumeration: '类别列举',
  boundary: '公布的界址点',
  contact: '对外联系方式',
  tied: '与具体设施、地点或时间相连',
  title: '本文稿标题',
  running: '正文行文',
};

/** Why a hit in this role weighs as it does: the first half of a finding's explanation. */
export const ROLE_REASONS: Readonly<Record<SeverityRole, string>> = {
  header: '位于页眉，是文件对自身的标注',
  footer: '位于页脚，是文件对自身的标注',
  note: '位于附注或注释行，是对本文稿或其数据的说明',
  citedTitle: '出现在所引用的其他文件标题中，不是本文稿的状态',
  titleSuffix: '位于本文稿标题后的括注中，是本文稿对自身状态的标注',
  ownKind: '是本文稿标题中的文种，说明本文稿本身就是这类文件',
  head: '位于文首版头，是本文稿对自身的标注',
  standalone: '单独成行，是标注的写法',
  selfReference: '所在句子说的是本文稿自身',
  internalConsultation: '本文稿是在内部征求意见（未向社会公开征求），所附征求意见稿属过程性信息',
  publicConsultation: '本文稿是向社会公开征求意见的通知，所附征求意见稿依此公开',
  publicNotice: '本文稿是依规定向社会公示的名单或事项，公示内容依此公开',
  mention: '在谈论保密义务或保密制度，作为概念被提及',
  definition: '在定义性表述中作为概念出现',
  normative: '在规范性表述中作为概念出现',
  enumeration: '在类别列举中作为概念出现',
  boundary: '是公布的界址点或范围描述',
  contact: '是对外公布的联系方式',
  tied: '与同一句或同一行中的具体设施、地址、人员或时间相连，构成实际安排',
  title: '位于本文稿标题中',
  running: '出现在正文行文中',
};

export function isSeverityRole(key: string): key is SeverityRole {
  return (SEVERITY_ROLES as readonly string[]).includes(key);
}
