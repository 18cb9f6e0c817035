// Whether a hit plays a role (../dictionary/roles.ts), and the cue that shows it: where the hit
// stands in the document's structure, and how its sentence uses it. Each test runs only when the
// entry gives that role a severity, in precedence order, and stops at the first that applies, so
// a hit costs the tests its entry needs, not all of them.
import type { ContextRule } from '../dictionary/types';
import type { SeverityRole } from '../dictionary/roles';
import type { BlockViews } from './block-views';
import type { DocumentStructure, LineRole } from './document-structure';
import type { RawMatch } from './match-block';
import { decideMention } from './mention';
import {
  boundaryCue,
  citedTitleCue,
  claimCue,
  contactCue,
  definitionCue,
  enumerationCue,
  normativeCue,
  selfReferenceCue,
  timeCue,
  type Spans,
} from './usage';

/** What the roles of one hit are judged against. */
export interface HitSurroundings {
  readonly views: BlockViews;
  readonly structure: DocumentStructure;
  /** Spans of every hit in the block (cue words inside another finding are not cues). */
  readonly spans: Spans;
  /** Whether the hit's line holds nothing but hits and punctuation (a label line). */
  readonly labelLine: boolean;
  readonly lineHasIdNumber: boolean;
  /** Other hits in the same sentence or table row, for `tied`. */
  readonly neighbours: () => readonly RawMatch[];
  readonly rule?: ContextRule;
}

/** Not applicable, or applicable with the cue that showed it ('' when no single word did). */
type Test = string | undefined;

/** Kinds of hit that make a duty or guard arrangement concrete when they stand beside it. */
const TIE_KINDS = new Set(['facility', 'address', 'coordinate', 'strength', 'capacity']);
const FORWARDED = '转发或印发的文件';

export class HitRoles {
  private sentenceSpan?: { start: number; end: number };
  private titleRoleMemo?: Test[];

  constructor(
    private readonly m: RawMatch,
    private readonly s: HitSurroundings,
    readonly line: number,
  ) {}

  test(role: SeverityRole): Test {
    const { m, s } = this;
    const { views, structure } = s;
    const block = views.block;
    const text = block.text;
    switch (role) {
      case 'header':
        return block.part === 'header' ? '' : undefined;
      case 'footer':
        return block.part === 'footer' ? '' : undefined;
      case 'note':
        return this.lineRole === 'note' ? '' : undefined;
      case 'head':
        return this.lineRole === 'head' ? '' : undefined;
      case 'citedTitle':
        return this.titleRole('citedTitle') ?? citedTitleCue(text, m.start, m.end);
      case 'titleSuffix':
      case 'ownKind':
      case 'title':
        return this.titleRole(role);
      case 'standalone':
        return s.labelLine ? '' : undefined;
      case 'selfReference': {
        const clause = views.clause(m.start, m.end);
        const self = selfReferenceCue(views, clause, m, s.rule?.assertion ?? [], s.rule?.before ?? []);
        if (self !== undefined) return self;
        // A statement of fact about something in the draft: not a rule about a category, and no
        // cue of a mention (a mention only by the rule's default does not count against it).
        const claim = claimCue(views, clause, m);
        return claim && this.test('normative') === undefined && !this.test('mention') ? claim : undefined;
      }
      case 'publicConsultation':
        return structure.consultation ? '' : undefined;
      case 'internalConsultation':
        return structure.internalConsultation ? '' : undefined;
      case 'publicNotice':
        return structure.publicNotice ? '' : undefined;
      case 'mention': {
        if (!s.rule) return undefined;
        const decision = decideMention(s.rule, text, m.start, m.end);
        return decision.mention ? (decision.cue ?? '') : undefined;
      }
      case 'definition':
        return definitionCue(views, this.sentence, s.spans);
      case 'normative':
        return normativeCue(views, views.clause(m.start, m.end), s.spans) ?? (structure.normative && this.lineRole === 'body' ? '法规条文' : undefined);
      case 'enumeration':
        return enumerationCue(text, m.start, m.end);
      case 'boundary':
        return boundaryCue(views, this.sentence, s.spans);
      case 'contact':
        return contactCue(views, block, m.start, s.lineHasIdNumber);
      case 'tied': {
        const tie = s.neighbours().find((n) => n !== m && TIE_KINDS.has(n.entry.kind ?? ''));
        return tie ? tie.text : timeCue(text, this.sentence, s.spans);
      }
      case 'running':
        return '';
    }
  }

  private get sentence(): { start: number; end: number } {
    return (this.sentenceSpan ??= this.s.views.sentence(this.m.start, this.m.end));
  }

  private get lineRole(): LineRole | undefined {
    const block = this.s.views.block;
    return block.part === 'body' && block.table === undefined ? this.s.structure.roleOf(this.m.blockIndex, this.line) : undefined;
  }

  /** In a title: its suffix, its own kind, a document it forwards, or just in it. */
  private titleRole(role: 'citedTitle' | 'titleSuffix' | 'ownKind' | 'title'): Test {
    if (!this.titleRoleMemo) {
      const memo: Record<string, Test> = {};
      const lineRole = this.lineRole;
      if (lineRole === 'title' || lineRole === 'annex-title') {
        const { m } = this;
        const title = this.s.structure.titleOf(m.blockIndex, this.line)!;
        const last = title.lines[title.lines.length - 1];
        const onLastLine = last.block === m.blockIndex && last.line === this.line;
        if (title.forwarding && !title.main) memo.citedTitle = FORWARDED;
        else if (onLastLine && m.start >= title.coreEnd) memo.titleSuffix = '';
        else if (onLastLine && this.s.views.block.text.slice(m.end, title.coreEnd).trim() === '') memo.ownKind = '';
        else if (title.forwarding) memo.citedTitle = FORWARDED;
        memo.title = '';
      }
      this.titleRoleMemo = [memo.citedTitle, memo.titleSuffix, memo.ownKind, memo.title];
    }
    return this.titleRoleMemo[['citedTitle', 'titleSuffix', 'ownKind', 'title'].indexOf(role)];
  }
}
