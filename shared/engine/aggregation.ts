// Aggregation (数据汇聚, 保密法 Art. 36): items each publishable can together reveal what is not.
// Rules come from dictionaries/ (data): each names signals — kinds of finding to count — with a
// minimum; a rule fires in a scope (a table, a section, the whole document) when enough signals
// reach their minimum there. The narrowest scopes that fire are reported.
//
// In a table a signal also counts the cells of a column its header names (`columns`): the
// capacities of a column headed 日供气能力（万立方米/日）, whose cells hold bare numbers; the names
// in a column headed 站点名称. Items are distinct things: the same phone number twice is one item.
import type { TextBlock } from '../document-model';
import type { AggregationRule, AggregationSignal } from '../dictionary/types';
import type { Finding, Severity } from '../findings';
import { normalizeTerm } from '../text/normalize';
import type { Hit } from './hit';
import { sectionsOf } from './sections';
import type { Table, TableCell, TableIndex } from './tables';

/** One countable thing in a scope: which kinds it is, and what makes it distinct (its text). */
interface Item {
  readonly kinds: readonly string[];
  readonly key: string;
  /** The column header that made it an item, for the explanation. */
  readonly column?: string;
}

interface Scope {
  readonly label: string;
  readonly items: Item[];
  readonly hits: Hit[];
  readonly table?: Table;
}

interface Evaluation {
  readonly fired: boolean;
  readonly severity: Severity;
  readonly combines: { label: string; count: number }[];
  readonly columns: string[];
  readonly score: number;
}

export function aggregationFindings(hits: readonly Hit[], blocks: readonly TextBlock[], tables: TableIndex, rules: readonly AggregationRule[]): Finding[] {
  if (rules.length === 0) return [];
  const sections = sectionsOf(blocks);
  const tableScopes = new Map<number, Scope>();
  const sectionScopes = new Map<number, Scope>();
  const whole: Scope = { label: '全文', items: [], hits: [] };
  for (const hit of hits) {
    const kinds = [hit.finding.kind ?? '', hit.finding.category];
    const inTable = hit.block.part === 'body' ? tables.cellAt(hit.blockIndex, hit.finding.start ?? 0) : undefined;
    const textItem = { kinds, key: `${hit.finding.kind}\u0000${normalizeTerm(hit.finding.match)}` };
    if (inTable && inTable.cell.row !== inTable.table.headerRow) {
      const scope = tableScope(tableScopes, inTable.table);
      scope.hits.push(hit);
      scope.items.push(textItem);
    }
    const s = sections[hit.blockIndex];
    for (const scope of s >= 0 ? [sectionScope(sectionScopes, s), whole] : [whole]) {
      scope.hits.push(hit);
      scope.items.push(textItem);
    }
  }
  for (const table of tables.tables) addColumnItems(tableScope(tableScopes, table), table, tables, hits, rules);

  const findings: Finding[] = [];
  for (const rule of rules) {
    const firedTables = [...tableScopes.values()].filter((sc) => evaluate(rule, sc).fired);
    const tableSections = new Set(firedTables.flatMap((sc) => sc.table!.cells.map((c) => sections[c.block])));
    const firedSections = [...sectionScopes.entries()].filter(([n, sc]) => !tableSections.has(n) && evaluate(rule, sc).fired).map(([, sc]) => sc);
    let scopes = [...firedTables, ...firedSections];
    if (scopes.length === 0 && evaluate(rule, whole).fired) scopes = [whole];
    for (const scope of scopes) findings.push(toFinding(rule, scope, evaluate(rule, scope), blocks));
  }
  return findings;
}

function tableScope(map: Map<number, Scope>, table: Table): Scope {
  let scope = map.get(table.index);
  if (!scope) map.set(table.index, (scope = { label: `表格 ${table.index + 1}`, items: [], hits: [], table }));
  return scope;
}

function sectionScope(map: Map<number, Scope>, n: number): Scope {
  let scope = map.get(n);
  if (!scope) map.set(n, (scope = { label: `第 ${n + 1} 部分`, items: [], hits: [] }));
  return scope;
}

/** Cells of a column whose header the signal names, or whose header holds a hit of its kinds. */
function addColumnItems(scope: Scope, table: Table, index: TableIndex, hits: readonly Hit[], rules: readonly AggregationRule[]): void {
  if (table.headerRow === undefined) return;
  const headers = table.cells.filter((c) => c.row === table.headerRow);
  const headerHits = hits.filter((h) => headers.some((c) => inCell(h, c)));
  for (const signal of rules.flatMap((r) => r.signals)) {
    if (!signal.columns) continue;
    const headerPattern = signal.columns.header ? new RegExp(signal.columns.header, 'u') : undefined;
    const cellPattern = new RegExp(signal.columns.cell ?? '\\S', 'u');
    for (const header of headers) {
      const name = index.text(header).replace(/\s+/g, '');
      const byName = headerPattern?.test(normalizeTerm(name)) ?? false;
      const byHit = headerHits.some((h) => h.blockIndex === header.block && signal.kinds.includes(h.finding.kind ?? ''));
      if (!byName && !byHit) continue;
      for (const cell of table.cells) {
        if (cell.row <= table.headerRow || cell.column !== header.column) continue;
        const text = normalizeTerm(index.text(cell));
        // A cell a hit already counts for (第一净水厂 matched as a facility) is not counted again.
        if (!cellPattern.test(text) || scope.hits.some((h) => inCell(h, cell) && signal.kinds.includes(h.finding.kind ?? ''))) continue;
        scope.items.push({ kinds: signal.kinds, key: `${signal.kinds[0]}\u0000${text}`, column: name });
      }
    }
  }
}

function inCell(hit: Hit, cell: TableCell): boolean {
  const at = hit.finding.start ?? 0;
  return hit.blockIndex === cell.block && cell.start <= at && at < cell.end;
}

function evaluate(rule: AggregationRule, scope: Scope): Evaluation {
  let met = 0;
  let missingRequired = false;
  let score = 0;
  const combines: { label: string; count: number }[] = [];
  const columns = new Set<string>();
  for (const signal of rule.signals) {
    const items = new Set<string>();
    for (const item of scope.items) {
      if (!counts(signal, item)) continue;
      items.add(item.key);
      if (item.column) columns.add(item.column);
    }
    if (items.size >= signal.min) {
      met++;
      score += items.size * (signal.weight ?? 1);
      combines.push({ label: signal.label, count: items.size });
    } else if (signal.required) missingRequired = true;
  }
  const fired = !missingRequired && met >= rule.minSignals;
  return { fired, severity: score >= rule.blockScore ? 'block' : 'review', combines, columns: [...columns], score };
}

function counts(signal: AggregationSignal, item: Item): boolean {
  return item.kinds.some((k) => k !== '' && signal.kinds.includes(k));
}

function toFinding(rule: AggregationRule, scope: Scope, ev: Evaluation, blocks: readonly TextBlock[]): Finding {
  const parts = ev.combines.map((c) => `${c.label} ${c.count} 项`).join('、');
  const first = scope.table ? blocks[scope.table.cells[0].block] : scope.hits[0]?.block;
  const byColumns = ev.columns.length ? `（其中按表头「${ev.columns.join('」「')}」识别整列）` : '';
  return {
    category: 'aggregation',
    kind: rule.id,
    severity: ev.severity,
    match: `${scope.label}：${parts}`,
    context: scope.hits.slice(0, 6).map((h) => h.finding.match).join('；'),
    part: 'document',
    page: first?.page,
    paragraph: first?.paragraph,
    ...(scope.table ? { table: scope.table.index } : {}),
    ruleId: rule.id,
    explanation:
      `「${rule.title}」：${scope.label}同时出现${parts}${byColumns}（加权计分 ${ev.score}，达到 ${rule.blockScore} 分为禁止发布）。` +
      `${rule.explanation}（规则来自词库「${rule.source}」）`,
    label: scope.label,
    combines: ev.combines,
  };
}
