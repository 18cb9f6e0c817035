// Judges every match of a document: the roles it plays decide its severity through the entry's
// severityByRole (the first role, in precedence order, the entry gives a severity for), and the
// explanation says where and how it stood and why that weighs as it does.
import type { TextBlock } from '../document-model';
import type { CompiledDictionary } from '../dictionary/compile';
import { ROLE_REASONS, SEVERITY_ROLES, type SeverityRole } from '../dictionary/roles';
import type { Severity } from '../findings';
import { SEVERITY_LABELS, categoryLabel, placeOf } from '../labels';
import type { BlockViews } from './block-views';
import type { DocumentStructure } from './document-structure';
import { contextOf, locate, type Hit } from './hit';
import { HitRoles } from './hit-roles';
import type { RawMatch } from './match-block';
import type { RowContext } from './table-rows';

export interface JudgeInput {
  readonly blocks: readonly TextBlock[];
  readonly views: readonly BlockViews[];
  readonly structure: DocumentStructure;
  readonly dict: CompiledDictionary;
  readonly rows: ReadonlyMap<number, RowContext>;
  /** Matches per block, same index as `blocks`. */
  readonly matches: readonly (readonly RawMatch[])[];
}

/** Lines longer than this are prose, never a label line of marks. */
const LABEL_LINE_MAX = 80;
const FILLER = /[\s\p{P}\p{S}]/gu;

export function judgeMatches(input: JudgeInput): Hit[] {
  const byRow = matchesByTableRow(input);
  const hits: Hit[] = [];
  input.matches.forEach((matches, blockIndex) => {
    if (matches.length === 0) return;
    const views = input.views[blockIndex];
    const block = views.block;
    const spans = matches.map((m) => [m.start, m.end] as const);
    const labelLines = findLabelLines(views, matches);
    const idLines = new Set(matches.filter((m) => m.entry.kind === 'id-card').map((m) => views.lines.lineOf(m.start)));
    const rowKey = block.table !== undefined ? `${block.part}\u0000${block.table}\u0000${block.row}` : undefined;
    for (const m of matches) {
      const line = views.lines.lineOf(m.start);
      const labelLine = labelLines.has(line);
      const rule = m.entry.context ? input.dict.contextRules.get(m.entry.context) : undefined;
      const roles = new HitRoles(m, {
        views,
        structure: input.structure,
        spans,
        labelLine,
        lineHasIdNumber: idLines.has(line),
        neighbours: () => (rowKey ? byRow.get(rowKey)! : inSentence(views, matches, m)),
        rule,
      }, line);
      if (m.entry.type === 'pattern' && m.entry.standaloneOnly && !labelLine) continue;
      if (m.entry.type === 'pattern' && m.entry.headOnly && roles.test('head') === undefined) continue;
      hits.push(toHit(input, m, line, decide(m, roles, rule?.severity)));
    }
  });
  return hits;
}

function inSentence(views: BlockViews, matches: readonly RawMatch[], m: RawMatch): RawMatch[] {
  const sentence = views.sentence(m.start, m.end);
  return matches.filter((n) => n.start < sentence.end && sentence.start < n.end);
}

interface Decision {
  readonly severity: Severity;
  /** The role that decided, where one did. */
  readonly role?: SeverityRole;
  readonly reason: string;
}

/** The first role, in precedence order, that the entry gives a severity for and the hit plays. */
function decide(m: RawMatch, roles: HitRoles, mentionSeverity: Severity | undefined): Decision {
  const byRole = m.entry.severityByRole ?? {};
  for (const role of SEVERITY_ROLES) {
    const severity = byRole[role] ?? (role === 'mention' ? mentionSeverity : undefined);
    if (severity === undefined) continue;
    const cue = roles.test(role);
    if (cue === undefined) continue;
    const shown = cue ? `（「${cue}」）` : '';
    return { severity, role, reason: `${ROLE_REASONS[role]}${shown}，定为「${SEVERITY_LABELS[severity]}」` };
  }
  return { severity: m.entry.severity, reason: `按词库设定定为「${SEVERITY_LABELS[m.entry.severity]}」` };
}

function toHit(input: JudgeInput, m: RawMatch, line: number, decision: Decision): Hit {
  const block = input.blocks[m.blockIndex];
  const row = input.rows.get(m.blockIndex);
  const where = placeOf(block.part, block.label);
  const entry = m.entry;
  return {
    block,
    blockIndex: m.blockIndex,
    finding: {
      category: entry.category,
      kind: entry.kind,
      severity: decision.severity,
      ...(decision.role ? { role: decision.role } : {}),
      match: m.text,
      context: row ? contextOf(row.text, row.offset + m.start, row.offset + m.end) : contextOf(block.text, m.start, m.end),
      ...locate(block, m.start, m.end, line),
      ruleId: entry.id,
      explanation: `${where}命中${m.what}，属「${categoryLabel(entry.category)}」${entry.note ? `（${entry.note}）` : ''}；${decision.reason}。`,
    },
  };
}

/** Lines that hold nothing but hits and punctuation: 「内部资料 注意保存」, 「（此件不公开）」. */
function findLabelLines(views: BlockViews, matches: readonly RawMatch[]): Set<number> {
  const byLine = new Map<number, RawMatch[]>();
  for (const m of matches) {
    const line = views.lines.lineOf(m.start);
    if (views.lines.end(line) - views.lines.start(line) > LABEL_LINE_MAX) continue;
    const list = byLine.get(line) ?? [];
    list.push(m);
    byLine.set(line, list);
  }
  const out = new Set<number>();
  for (const [line, list] of byLine) {
    const text = views.block.text;
    let rest = '';
    let at = views.lines.start(line);
    for (const m of [...list].sort((a, b) => a.start - b.start)) {
      if (m.start > at) rest += text.slice(at, m.start);
      at = Math.max(at, m.end);
    }
    rest += text.slice(at, Math.max(at, views.lines.end(line)));
    if (rest.replace(FILLER, '') === '') out.add(line);
  }
  return out;
}

function matchesByTableRow(input: JudgeInput): Map<string, RawMatch[]> {
  const out = new Map<string, RawMatch[]>();
  input.matches.forEach((matches, i) => {
    const b = input.blocks[i];
    if (b.table === undefined || matches.length === 0) return;
    const key = `${b.part}\u0000${b.table}\u0000${b.row}`;
    out.set(key, [...(out.get(key) ?? []), ...matches]);
  });
  return out;
}
