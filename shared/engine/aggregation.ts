// Aggregation (数据汇聚, 保密法 Art. 36): items each publishable can together reveal what is not.
// Rules come from dictionaries/ (data): each names signals — kinds of finding to count — with a
// minimum; a rule fires in a scope (a table, a section, the whole document) when enough signals
// reach their minimum there. The narrowest scopes that fire are reported.
import type { TextBlock } from '../document-model';
import type { AggregationRule } from '../dictionary/types';
import type { Finding, Severity } from '../findings';
import { normalizeTerm } from '../text/normalize';
import type { Hit } from './hit';
import { sectionsOf } from './sections';

interface Scope {
  readonly key: string;
  readonly label: string;
  readonly hits: Hit[];
}

interface Evaluation {
  readonly fired: boolean;
  readonly severity: Severity;
  readonly combines: { label: string; count: number }[];
  readonly score: number;
}

export function aggregationFindings(hits: readonly Hit[], blocks: readonly TextBlock[], rules: readonly AggregationRule[]): Finding[] {
  if (rules.length === 0) return [];
  const sections = sectionsOf(blocks);
  const tables = new Map<number, Scope>();
  const sectionScopes = new Map<number, Scope>();
  for (const hit of hits) {
    const t = hit.block.table;
    if (t !== undefined && hit.block.part === 'body') scopeFor(tables, t, `表格 ${t + 1}`).hits.push(hit);
    const s = sections[hit.blockIndex];
    if (s >= 0) scopeFor(sectionScopes, s, `第 ${s + 1} 部分`).hits.push(hit);
  }
  const whole: Scope = { key: 'document', label: '全文', hits: [...hits] };
  const findings: Finding[] = [];
  for (const rule of rules) {
    const firedTables = [...tables.values()].filter((sc) => evaluate(rule, sc.hits).fired);
    const tableSections = new Set(firedTables.flatMap((sc) => sc.hits.map((h) => sections[h.blockIndex])));
    const firedSections = [...sectionScopes.entries()]
      .filter(([n, sc]) => !tableSections.has(n) && evaluate(rule, sc.hits).fired)
      .map(([, sc]) => sc);
    let scopes = [...firedTables, ...firedSections];
    if (scopes.length === 0 && evaluate(rule, whole.hits).fired) scopes = [whole];
    for (const scope of scopes) findings.push(toFinding(rule, scope, evaluate(rule, scope.hits)));
  }
  return findings;
}

function scopeFor(map: Map<number, Scope>, n: number, label: string): Scope {
  let scope = map.get(n);
  if (!scope) map.set(n, (scope = { key: String(n), label, hits: [] }));
  return scope;
}

/** Counts distinct items per signal (the same phone number twice is one item). */
function evaluate(rule: AggregationRule, hits: readonly Hit[]): Evaluation {
  let met = 0;
  let missingRequired = false;
  let score = 0;
  const combines: { label: string; count: number }[] = [];
  for (const signal of rule.signals) {
    const items = new Set<string>();
    for (const { finding } of hits) {
      if (signal.kinds.includes(finding.kind ?? '') || signal.kinds.includes(finding.category)) {
        items.add(`${finding.kind}\u0000${normalizeTerm(finding.match)}`);
      }
    }
    const enough = items.size >= signal.min;
    if (enough) {
      met++;
      score += items.size * (signal.weight ?? 1);
      combines.push({ label: signal.label, count: items.size });
    } else if (signal.required) missingRequired = true;
  }
  const fired = !missingRequired && met >= rule.minSignals;
  return { fired, severity: score >= rule.blockScore ? 'block' : 'review', combines, score };
}

function toFinding(rule: AggregationRule, scope: Scope, ev: Evaluation): Finding {
  const parts = ev.combines.map((c) => `${c.label} ${c.count} 项`).join('、');
  const where = scope.key === 'document' ? '全文' : scope.label;
  const first = scope.hits[0]?.finding;
  return {
    category: 'aggregation',
    kind: rule.id,
    severity: ev.severity,
    match: `${where}：${parts}`,
    context: scope.hits.slice(0, 6).map((h) => h.finding.match).join('；'),
    part: 'document',
    page: first?.page,
    paragraph: first?.paragraph,
    ruleId: rule.id,
    explanation:
      `「${rule.title}」：${where}同时出现${parts}（加权计分 ${ev.score}，达到 ${rule.blockScore} 分为禁止发布）。` +
      `${rule.explanation}（规则来自词库「${rule.source}」）`,
    label: where,
    combines: ev.combines,
  };
}
