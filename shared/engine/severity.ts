// The severity of a dictionary hit: the entry's own, changed by where it stands, and lowered when
// the sentence only mentions the subject.
import type { ContextRule, DictionaryEntry } from '../dictionary/types';
import { SEVERITY_LABELS } from '../labels';
import { maxSeverity, type Severity } from '../findings';
import { decideMention } from './mention';
import type { Place } from './place';

export interface SeverityDecision {
  readonly severity: Severity;
  readonly reason: string;
}

export function decideSeverity(
  entry: DictionaryEntry,
  place: Place,
  rule: ContextRule | undefined,
  text: string,
  start: number,
  end: number,
): SeverityDecision {
  // A sentence about secrecy (防止泄露国家秘密) is a mention; words alone on their line or in a
  // header or footer are how marks are written, so there the context rule does not apply.
  if (rule && !place.standalone && !place.header && !place.footer) {
    const decision = decideMention(rule, text, start, end);
    if (decision.mention) {
      const cue = decision.cue ? `（语境词「${decision.cue}」）` : '（句中没有指向本文稿的说法）';
      return { severity: rule.severity, reason: `${rule.explanation}${cue}，定为「${SEVERITY_LABELS[rule.severity]}」` };
    }
    if (decision.cue) {
      const s = entry.severity;
      return { severity: s, reason: `句中「${decision.cue}」指向本文稿本身，按词库设定定为「${SEVERITY_LABELS[s]}」` };
    }
  }
  const byPlace = entry.severityByPlace ?? {};
  const applicable: Array<[Severity | undefined, string]> = [
    [place.standalone ? byPlace.standalone : undefined, '单独成行'],
    [place.head ? byPlace.head : undefined, '位于首页版头（公文标志位置）'],
    [place.header ? byPlace.header : undefined, '位于页眉'],
    [place.footer ? byPlace.footer : undefined, '位于页脚'],
  ];
  const strongest = applicable.filter(([s]) => s !== undefined).reduce<[Severity, string] | undefined>(
    (best, [s, why]) => (best && maxSeverity(best[0], s!) === best[0] ? best : [s!, why]),
    undefined,
  );
  if (strongest) return { severity: strongest[0], reason: `${strongest[1]}，定为「${SEVERITY_LABELS[strongest[0]]}」` };
  const inRunningText = !place.standalone && !place.head && !place.header && !place.footer;
  if (byPlace.running && inRunningText) {
    return { severity: byPlace.running, reason: `出现在正文行文中，证据较弱，定为「${SEVERITY_LABELS[byPlace.running]}」` };
  }
  return { severity: entry.severity, reason: `按词库设定定为「${SEVERITY_LABELS[entry.severity]}」` };
}
