// Teaching and re-finding one fact. A rule is anchored on the reader's own blocks (lib/sites/labels.ts
// textBlocks): the label's words and how many blocks past it the value sits, so it survives new class
// names, extra wrappers and reordered rows, and text a person cannot see is never its anchor or value.
import { toStateCode } from '../shared/states';
import type { PageFacts, PageReading } from '../sites';
import { textBlocks } from '../sites/labels';
import { legibility } from '../sites/legibility';
import {
  parseAor,
  parseApplicationId,
  parseCoverage,
  parseNpnDigits,
  parsePlanYear,
  parseStateFromAddress,
} from '../sites/vocabulary';
import { MAX_OFFSET, type TaughtFact } from './facts';
import type { ActiveRule, PageRule } from './rule';

export type TaughtValues = Partial<Pick<PageFacts, TaughtFact>>;
export type TaughtValue = NonNullable<TaughtValues[TaughtFact]>;

/** The reader's parsers, one per fact a rule may supply. */
const PARSERS: { [F in TaughtFact]-?: (text: string) => TaughtValues[F] } = {
  applicationId: parseApplicationId,
  aorNpn: (text) => parseNpnDigits(text) ?? parseAor(text)?.npn,
  aorName: (text) => parseAor(text)?.name,
  hasActiveCoverage: parseCoverage,
  planYear: parsePlanYear,
  state: (text) => toStateCode(text.split(/[,(]/)[0] ?? '') ?? parseStateFromAddress(text),
};

export function parseTaught(fact: TaughtFact, text: string): TaughtValue | undefined {
  return PARSERS[fact](text);
}

type Reading = PageReading;

export function readPage(root: Element): Reading {
  const sources: Element[][] = [];
  const blocks = textBlocks(root, { sources });
  return { root, blocks, sources, seen: legibility(root) };
}

const ANCHOR_MAX = 120;
/** "Label: value" in one block; the label has a letter and is not long prose. */
const PAIR = /^([^:：]{1,120}?)\s*[:：]\s*(.+)$/u;

function normalise(label: string): string {
  return label
    .replace(/\s*[:：]\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Blocks that are the anchor (a label alone), or that begin with it followed by a colon (offset 0). */
function anchorPattern(anchor: string, offset: number): RegExp {
  const words = anchor.split(' ').map(literal).join('\\s+');
  return offset === 0
    ? new RegExp(`^\\s*${words}\\s*[:：]\\s*(.+)$`, 'iu')
    : new RegExp(`^\\s*${words}\\s*[:：]?\\s*$`, 'iu');
}

function visible(reading: Reading, index: number): boolean {
  return (reading.sources[index] ?? []).every(reading.seen);
}

/** Indices of the visible blocks the anchor matches, in reading order. */
function anchorHits(reading: Reading, anchor: string, offset: number): number[] {
  const pattern = anchorPattern(anchor, offset);
  // Blocks are trimmed: one look at the first letter rules out nearly all of a large page's.
  const lower = anchor.charAt(0);
  const upper = lower.toUpperCase();
  const hits: number[] = [];
  reading.blocks.forEach((block, i) => {
    const first = block.charAt(0);
    if ((first === lower || first === upper) && pattern.test(block) && visible(reading, i)) hits.push(i);
  });
  return hits;
}

function valueAt(reading: Reading, rule: Pick<PageRule, 'anchor' | 'offset' | 'occurrence' | 'fact'>) {
  const at = anchorHits(reading, rule.anchor, rule.offset)[rule.occurrence];
  if (at === undefined) return undefined;
  const index = at + rule.offset;
  if (!visible(reading, index)) return undefined;
  const block = reading.blocks[index] ?? '';
  const text = rule.offset === 0 ? (anchorPattern(rule.anchor, 0).exec(block)?.[1] ?? '') : block;
  return parseTaught(rule.fact, text);
}

export type Locator = Pick<PageRule, 'anchor' | 'offset' | 'occurrence'>;
export type Learned =
  | ({ ok: true; value: TaughtValue } & Locator)
  | { ok: false; problem: 'no-text' | 'no-value' | 'no-label'; text?: string };

/** The block the person pointed at: its words came from the element or from inside it. */
function pointedBlock(reading: Reading, target: Element, fact: TaughtFact): number {
  const within: number[] = [];
  reading.sources.forEach((list, i) => {
    if (list.some((s) => s === target || target.contains(s) || s.contains(target))) within.push(i);
  });
  return (
    within.find((i) => parseTaught(fact, pairValue(reading.blocks[i] ?? '')) !== undefined) ?? within[0] ?? -1
  );
}

function pairValue(block: string): string {
  return PAIR.exec(block)?.[2] ?? block;
}

const LABEL_TAGS = new Set(['TH', 'DT', 'LABEL', 'LEGEND']);

/** A block that reads as a label: it ends with a colon or sits in a label element. */
function looksLikeLabel(reading: Reading, index: number): boolean {
  const block = reading.blocks[index] ?? '';
  return /[:：]\s*$/u.test(block) || (reading.sources[index] ?? []).some((s) => LABEL_TAGS.has(s.tagName));
}

/**
 * Learns where `fact` shows: the label it follows (the nearest label-like block before it, or the
 * nearest text that is not itself such a value), and checks the locator finds the same value again.
 */
export function learnLocator(root: Element, target: Element, fact: TaughtFact): Learned {
  const reading = readPage(root);
  const index = pointedBlock(reading, target, fact);
  const text = reading.blocks[index];
  if (index < 0 || text === undefined || !visible(reading, index)) return { ok: false, problem: 'no-text' };
  const pair = PAIR.exec(text);
  let locator: Locator | undefined;
  if (pair?.[1] && pair[2] && /\p{L}/u.test(pair[1]) && parseTaught(fact, pair[2]) !== undefined) {
    const anchor = normalise(pair[1]);
    locator = { anchor, offset: 0, occurrence: anchorHits(reading, anchor, 0).indexOf(index) };
  } else {
    if (parseTaught(fact, text) === undefined) return { ok: false, problem: 'no-value', text };
    const before = Array.from({ length: MAX_OFFSET }, (_, d) => index - d - 1).filter(
      (j) => j >= 0 && visible(reading, j) && /\p{L}/u.test(reading.blocks[j] ?? ''),
    );
    const label =
      before.find((j) => looksLikeLabel(reading, j)) ??
      before.find((j) => parseTaught(fact, reading.blocks[j] ?? '') === undefined);
    const anchor = label === undefined ? '' : normalise(reading.blocks[label] ?? '');
    if (label === undefined || !anchor || anchor.length > ANCHOR_MAX)
      return { ok: false, problem: 'no-label', text };
    locator = {
      anchor,
      offset: index - label,
      occurrence: anchorHits(reading, anchor, index - label).indexOf(label),
    };
  }
  const value = locator.occurrence < 0 ? undefined : valueAt(reading, { ...locator, fact });
  return value === undefined ? { ok: false, problem: 'no-label', text } : { ok: true, value, ...locator };
}

export interface TaughtReading {
  values: TaughtValues;
  /** The rule each value came from. */
  used: Partial<Record<TaughtFact, ActiveRule>>;
  /** Rules that found nothing on this page: they need teaching again. */
  missed: ActiveRule[];
}

/** Applies rules in order; the first that finds its fact supplies it. One reading of the page for all. */
export function readTaught(reading: Reading, rules: readonly ActiveRule[]): TaughtReading {
  const out: TaughtReading = { values: {}, used: {}, missed: [] };
  for (const rule of rules) {
    if (rule.fact in out.values) continue;
    const value = valueAt(reading, rule);
    if (value === undefined) out.missed.push(rule);
    else {
      Object.assign(out.values, { [rule.fact]: value });
      out.used[rule.fact] = rule;
    }
  }
  return out;
}

/** The elements the picker's keyboard steps through: where each block a person sees comes from, in reading order. */
export function textStops(root: Element): Element[] {
  const reading = readPage(root);
  const stops = new Set<Element>();
  reading.sources.forEach((list, i) => {
    if (list[0] && visible(reading, i)) stops.add(list[0]);
  });
  return [...stops];
}

/** What a rule reads on a page now, for the dashboard's "Try on current tab". */
export function tryRule(root: Element, rule: PageRule): TaughtValue | undefined {
  return valueAt(readPage(root), rule);
}
