// HealthCare.gov's Find Local Help: a directory of agents and brokers near the consumer, each with an NPN.
// Those are helpers the consumer may call, not NPNs on this consumer's policy (docs/DOMAIN.md "What the
// reader trusts"), so they do not hold back "clear". Only a section a person reads as the directory
// counts: headed by its visible heading, holding no other section, and labelling no fact of a policy.
import { clean, labelBlocks, labelCandidates, textBlocks } from './labels';
import type { Seen } from './legibility';
import { type NpnSeen, npnsOnPage } from './npns';
import {
  AOR_LABELS,
  AOR_NPN_LABELS,
  APPLICATION_LABELS,
  COVERAGE_LABELS,
  LOCAL_HELP,
  PLAIN_AGENT_LABELS,
} from './vocabulary';

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
const HEADING_MAX = 40;
/** Labels of a policy's facts: a section showing one is about the consumer, never a directory. */
const POLICY_LABELS = [
  ...APPLICATION_LABELS,
  ...AOR_NPN_LABELS,
  ...AOR_LABELS,
  ...PLAIN_AGENT_LABELS,
  ...COVERAGE_LABELS,
];

function level(heading: Element): number {
  const tag = /^H([1-6])$/i.exec(heading.tagName);
  return tag ? Number(tag[1]) : Number(heading.getAttribute('aria-level') ?? 2);
}

/** The blocks of `box` a person reads (whole blocks: a directory line is one entry). */
function readBlocks(box: Element, seen: Seen): string[] {
  const sources: Element[][] = [];
  const blocks = textBlocks(box, { sources });
  return blocks.filter((_, i) => (sources[i] ?? []).every(seen));
}

/**
 * The NPN mentions a person reads in the page's Find Local Help sections, with no role words beside them:
 * each counts as placed once (facts.ts unplaced). `blocks` are the page's: no heading there, no work here;
 * `legible` is asked only then.
 */
export function directoryNpns(root: Element, blocks: string[], legible: () => Seen): NpnSeen[] {
  if (!blocks.some((b) => b.length <= HEADING_MAX && LOCAL_HELP.test(b))) return [];
  const seen = legible();
  const out: NpnSeen[] = [];
  for (const heading of Array.from(root.querySelectorAll(HEADINGS))) {
    const box = heading.parentElement;
    if (!box || box === root || box.contains(root) || !seen(heading)) continue;
    if (!LOCAL_HELP.test(clean(heading.textContent ?? ''))) continue;
    // The heading heads its box, and the box is one section: no other heading of its rank or above.
    const rank = level(heading);
    const others = Array.from(box.querySelectorAll(HEADINGS)).filter((h) => h !== heading);
    if (others.some((h) => level(h) <= rank)) continue;
    const read = readBlocks(box, seen);
    if (read[0] !== clean(heading.textContent ?? '')) continue;
    if (labelBlocks(read, POLICY_LABELS, labelCandidates(read, POLICY_LABELS)).size > 0) continue;
    out.push(...npnsOnPage(read).filter((n) => n.role === undefined));
  }
  return out;
}
