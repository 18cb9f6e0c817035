// Writes a dictionary set in the native format (./native.ts) and hashes its canonical form.
// Every field is written explicitly, in a fixed order, with parse defaults filled in, and without
// `source`/`line` (where an entry was read from is not part of what it is). So a set written,
// read back and written again gives the same text, and the hash names the content, not the file.
import { SEVERITY_ROLES } from './roles';
import type { AggregationRule, AllowEntry, ContextRule, DictionaryEntry, DictionarySet } from './types';

type Native = Record<string, unknown>;

/** Drops undefined fields so that JSON.stringify and the diff see the same keys. */
function compact(o: Native): Native {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * The places of dictionaries written before roles, in their order. A severity map that uses only
 * these is written as it was then ("severityByPlace"), so the canonical form, and the hash, of every
 * dictionary version stored before roles stay what they were.
 */
const PLACES_BEFORE_ROLES = ['head', 'standalone', 'header', 'footer', 'running'] as const;

function severityMap(e: DictionaryEntry): Native {
  const byRole = e.severityByRole;
  if (!byRole) return {};
  const keys = Object.keys(byRole).filter((k) => byRole[k as keyof typeof byRole] !== undefined);
  if (keys.every((k) => (PLACES_BEFORE_ROLES as readonly string[]).includes(k))) {
    return { severityByPlace: compact(Object.fromEntries(PLACES_BEFORE_ROLES.map((p) => [p, byRole[p]]))) };
  }
  return { severityByRole: compact(Object.fromEntries(SEVERITY_ROLES.map((r) => [r, byRole[r]]))) };
}

export function entryToNative(e: DictionaryEntry): Native {
  const common = {
    id: e.id,
    type: e.type,
    term: e.type === 'term' ? e.term : undefined,
    pattern: e.type === 'pattern' ? e.pattern : undefined,
    category: e.category,
    kind: e.kind,
    severity: e.severity,
    note: e.note,
  };
  if (e.type === 'term') {
    return compact({ ...common, boundary: e.boundary, ...severityMap(e), context: e.context, enabled: e.enabled !== false });
  }
  return compact({
    ...common,
    validator: e.validator,
    ...severityMap(e),
    context: e.context,
    standaloneOnly: e.standaloneOnly === true,
    headOnly: e.headOnly === true,
    enabled: e.enabled !== false,
  });
}

export function allowToNative(a: AllowEntry): Native {
  return { id: a.id, term: a.term, categories: [...a.categories], note: a.note };
}

export function contextRuleToNative(r: ContextRule): Native {
  return {
    id: r.id,
    before: [...r.before],
    after: [...r.after],
    assertion: [...r.assertion],
    mentionByDefault: r.mentionByDefault,
    severity: r.severity,
    explanation: r.explanation,
  };
}

export function aggregationRuleToNative(r: AggregationRule): Native {
  return {
    id: r.id,
    title: r.title,
    signals: r.signals.map((s) =>
      compact({ label: s.label, kinds: [...s.kinds], min: s.min, required: s.required === true, weight: s.weight ?? 1, columns: s.columns && compact({ ...s.columns }) }),
    ),
    minSignals: r.minSignals,
    blockScore: r.blockScore,
    explanation: r.explanation,
  };
}

function nativeDocument(set: DictionarySet, name?: string): Native {
  return compact({
    format: 'mishen-dictionary',
    name,
    entries: set.entries.map(entryToNative),
    allow: set.allow.map(allowToNative),
    contextRules: set.contextRules.map(contextRuleToNative),
    aggregationRules: set.aggregationRules.map(aggregationRuleToNative),
  });
}

/** The set as a native dictionary file (readable, one field a line), parseable by parseNativeDictionary. */
export function toNativeJson(set: DictionarySet, name?: string): string {
  return JSON.stringify(nativeDocument(set, name), null, 2) + '\n';
}

/** The bytes the hash is taken over: compact, no name, fixed order. */
export function canonicalJson(set: DictionarySet): string {
  return [...canonicalJsonParts(set)].join('');
}

/**
 * The same text in pieces, entry by entry, so a hash can be taken without one string of the whole
 * set (100,000 entries would be tens of megabytes at once). Exactly JSON.stringify(nativeDocument(set)).
 */
export function* canonicalJsonParts(set: DictionarySet): Generator<string> {
  const lists: readonly [string, readonly unknown[], (item: never) => Native][] = [
    ['entries', set.entries, entryToNative],
    ['allow', set.allow, allowToNative],
    ['contextRules', set.contextRules, contextRuleToNative],
    ['aggregationRules', set.aggregationRules, aggregationRuleToNative],
  ];
  yield '{"format":"mishen-dictionary"';
  for (const [name, items, toNative] of lists) {
    yield `,${JSON.stringify(name)}:[`;
    for (let i = 0; i < items.length; i++) yield (i > 0 ? ',' : '') + JSON.stringify(toNative(items[i] as never));
    yield ']';
  }
  yield '}';
}

