// Deterministic inputs for `npm run bench`: a seeded PRNG, a 100,000-term dictionary drawn from jieba's
// word list plus synthetic code names, and Chinese prose with normalisation traps sprinkled in.
import { readFileSync } from 'node:fs';
import type { DictionarySet, TermEntry } from '../../shared/dictionary/types';
import type { Severity } from '../../shared/findings';
import { foldTable } from '../../shared/text/fold-table';

import { mulberry32, type Rand } from '../lib/seeded-random';

export { mulberry32, type Rand };

export const randInt = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
export const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

const CJK_ONLY = /^[\u4e00-\u9fff]+$/;

/** First column of jieba's dictionary: the Chinese words of two characters or more. */
export function loadJiebaWords(path: string): string[] {
  // Walks the file text rather than splitting it into 350,000 lines first: less garbage, lower peak.
  const words: string[] = [];
  const all = readFileSync(path, 'utf8');
  for (let at = 0; at < all.length; ) {
    let eol = all.indexOf('\n', at);
    if (eol < 0) eol = all.length;
    let sp = all.indexOf(' ', at);
    if (sp < 0 || sp > eol) sp = eol;
    if (sp - at >= 2) {
      const word = all.slice(at, sp);
      // Flat copies, so that the words do not keep the 5 MB file text alive.
      if (CJK_ONLY.test(word)) words.push(word.length > 12 ? [...word].join('') : word);
    }
    at = eol + 1;
  }
  return words;
}

const COMMON =
  '东南西北中山水河湖海江岭峰林石金银铜铁青松红星长城天宇华光明阳春秋龙凤鹰虎雪云风雷电安康泰平和兴盛远航' +
  '新城乡镇村桥港湾岛台原川谷泉溪塘坝湾州县区省京沪津渝宁杭广深成武西苏昆滨海滇黔桂闽赣皖鲁豫晋冀辽吉黑蒙疆藏';
const SUFFIXES = ['工程', '项目', '专网', '中心', '水厂', '基地', '计划', '一号', '专线', '站', '仓库', '机房', '实验室', '指挥所', '变电站', '营区'];
const LATIN = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const CATEGORIES = ['project-codename', 'location-infrastructure', 'internal-affairs', 'commercial-secret', 'unreleased-statistics', 'custom'];
const SEVERITIES: Severity[] = ['block', 'review', 'review', 'info'];

/** `count` distinct terms: about 80% jieba words, the rest synthetic code and place names (3–8 chars). */
export function makeTerms(rand: Rand, words: readonly string[], count: number): string[] {
  const seen = new Set<string>();
  const jiebaCount = Math.round(count * 0.8);
  // Partial Fisher–Yates over a copy of the indexes: a uniform sample without repeats.
  const idx = new Int32Array(words.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  for (let i = 0; i < jiebaCount && i < idx.length; i++) {
    const j = i + Math.floor(rand() * (idx.length - i));
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
    seen.add(words[idx[i]]);
  }
  while (seen.size < count) {
    const suffix = pick(rand, SUFFIXES);
    const r = rand();
    let stem: string;
    if (r < 0.1) {
      // Code names with Latin letters and digits: K7专网, 青松12号工程 (full-width forms appear in the text).
      stem = LATIN[randInt(rand, 0, LATIN.length - 1)] + String(randInt(rand, 1, 99));
    } else if (r < 0.2) {
      stem = randomChars(rand, 2) + String(randInt(rand, 1, 99)) + '号';
    } else {
      stem = randomChars(rand, randInt(rand, 1, Math.max(1, 6 - suffix.length)));
    }
    const term = (stem + suffix).slice(0, 8);
    if (term.length >= 3) seen.add(term);
  }
  return [...seen];
}

function randomChars(rand: Rand, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += COMMON[Math.floor(rand() * COMMON.length)];
  return s;
}

export function makeDictionarySet(rand: Rand, terms: readonly string[]): DictionarySet {
  const entries: TermEntry[] = terms.map((term, i) => ({
    type: 'term',
    id: `bench/${i}`,
    term,
    category: pick(rand, CATEGORIES),
    severity: pick(rand, SEVERITIES),
    note: '基准测试词条',
    boundary: 'auto',
    source: 'bench-dictionary.csv',
    line: i + 2,
  }));
  return { entries, allow: [], contextRules: [], aggregationRules: [], sources: ['bench-dictionary.csv'] };
}

/** Simplified -> one traditional form, inverted from the folding table the matcher uses. */
let traditionalOf: Map<number, number> | undefined;
export function toTraditional(s: string): string {
  if (!traditionalOf) {
    const fold = foldTable();
    traditionalOf = new Map();
    for (let c = 0x4e00; c <= 0x9fff; c++) {
      const f = fold[c];
      if (f !== c && f >= 0x4e00 && f <= 0x9fff && !traditionalOf.has(f)) traditionalOf.set(f, c);
    }
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += String.fromCharCode(traditionalOf.get(c) ?? c);
  }
  return out;
}

/** ASCII letters and digits to their full-width forms. */
export function toFullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** A space (ASCII or ideographic) inside a CJK term: 青 松工程. */
export function withInnerSpace(rand: Rand, s: string): string {
  if (s.length < 2) return s;
  const at = randInt(rand, 1, s.length - 1);
  return s.slice(0, at) + (rand() < 0.5 ? ' ' : '\u3000') + s.slice(at);
}

/** A dictionary term as it might be written in a document: plain, traditional, full width, spaced. */
export function disguise(rand: Rand, term: string): string {
  const r = rand();
  if (r < 0.7) return term;
  if (r < 0.8) return toTraditional(term);
  if (r < 0.9) return /[0-9A-Za-z]/.test(term) ? toFullWidth(term) : toTraditional(term);
  return withInnerSpace(rand, term);
}

/** Prose paragraphs: from a real document when given, else sentences of jieba words and punctuation. */
export function makeProseSource(rand: Rand, docParagraphs: readonly string[] | undefined, words: readonly string[]): string[] {
  // Paragraphs that already carry long digit runs (phone or ID numbers) are left out, so that the
  // numbers the bench plants are the only ones.
  const clean = (docParagraphs ?? []).filter((p) => p.trim().length > 0 && !/\d{7,}/.test(p)).map((p) => p.replace(/[\ud800-\udfff]/g, ''));
  if (clean.length >= 100) return clean;
  const out: string[] = [];
  for (let p = 0; p < 3000; p++) {
    let para = '';
    const sentences = randInt(rand, 1, 4);
    for (let s = 0; s < sentences; s++) {
      const n = randInt(rand, 4, 12);
      for (let w = 0; w < n; w++) {
        para += pick(rand, words);
        if (w < n - 1 && rand() < 0.25) para += '，';
      }
      para += rand() < 0.85 ? '。' : '；';
    }
    out.push(para);
  }
  return out;
}

/** Sentences (ending in 。！？；) cut out of the prose, for assembling paragraphs and lines. */
export function sentencesOf(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    for (const s of p.match(/[^。！？；]+[。！？；]?/g) ?? []) if (s.trim()) out.push(s.trim());
  }
  return out;
}

/**
 * About `targetChars` characters of prose: random paragraphs joined by newlines, one disguised
 * dictionary term after roughly every 400 characters. Built as one flat string from a list of pieces.
 */
export function makeBigText(rand: Rand, paragraphs: readonly string[], terms: readonly string[], targetChars: number): { text: string; planted: number } {
  let pieces: string[] = [];
  let total = 0;
  let planted = 0;
  let sinceTerm = 0;
  while (total < targetChars) {
    const p = pick(rand, paragraphs);
    pieces.push(p);
    total += p.length + 1;
    sinceTerm += p.length;
    if (sinceTerm >= 400) {
      const t = disguise(rand, pick(rand, terms));
      pieces.push(t);
      total += t.length;
      planted++;
      sinceTerm = 0;
    }
    pieces.push('\n');
  }
  const text = pieces.join('');
  pieces = [];
  return { text, planted };
}
