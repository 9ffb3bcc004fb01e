// The labelled facts every enrollment site shows in its own words (lib/sites/vocabulary.ts): read from the
// page's blocks (labels.ts), one policy at a time where the page shows several.
import { toStateCode } from '../shared/states';
import { readConsent } from './consent';
import { directoryNpns } from './directory';
import { generatedWords } from './generated';
import { findLabelled, inControls, labelBlocks, labelCandidates, tableRecords, textBlocks } from './labels';
import { legibility, type Seen } from './legibility';
import { npnsOnPage } from './npns';
import type { PageFacts, PolicyFacts } from './page-facts';
import {
  ADDRESS_LABELS,
  ALL_LABELS,
  AOR_LABELS,
  AOR_NPN_LABELS,
  APPLICATION_LABELS,
  CONSUMER_LABELS,
  COVERAGE_DATE_LABELS,
  COVERAGE_LABEL_TEXT,
  COVERAGE_LABELS,
  ENROLLED_FOR,
  ENROLLEE_ASSISTANCE,
  HEADED_YEAR,
  HEDGED,
  INVALID_ACTION,
  LEAD_STATUS_LABELS,
  NO_ACTIVE_COVERAGE,
  NONE_VALUE,
  NOT_ENROLLED_FOR,
  NOTABLE,
  NPN_LABELS,
  OVERRIDE_LABELS,
  PLAIN_AGENT_LABELS,
  PLAN_YEAR_LABELS,
  POLICY_COLUMN,
  parseAor,
  parseAorNpn,
  parseApplicationId,
  parseCoverage,
  parseDate,
  parseDateYear,
  parseLeadStatus,
  parseName,
  parseNpnDigits,
  parseOverride,
  parsePlanYear,
  parseStateFromAddress,
  REFUSED_NUMBER,
  STATE_LABELS,
  SYNCING,
  stateBesideApplication,
  YEAR_LABEL,
  yearBesideApplication,
  yearIn,
} from './vocabulary';

/** What every site's page shows in its own words: PageFacts less what the adapter itself decides. */
export type CommonFacts = Omit<PageFacts, 'site' | 'pageKind' | 'pathway' | 'atRiskRows' | 'conflicts'> & {
  conflicts: NonNullable<PageFacts['conflicts']>;
};

const YEAR_ROW_MAX = 80;

/** What a year's own row says: false "None" or an inactive status, true an active one. */
function yearRow(label: string, value: string | undefined): { year: number; enrolled: boolean } | undefined {
  const year = yearIn(YEAR_LABEL.exec(label));
  if (year === undefined || value === undefined) return undefined;
  const enrolled = NONE_VALUE.test(value) ? false : parseCoverage(value);
  return enrolled === undefined ? undefined : { year, enrolled };
}

/**
 * The plan years the page says the consumer is, and is not, enrolled for: each year once, in page order.
 * `notable` are the blocks that may say it in a sentence; a year's own row may sit anywhere.
 */
function enrollmentYears(blocks: string[], notable: string[]): { enrolled: number[]; notEnrolled: number[] } {
  const enrolled = new Set<number>();
  const notEnrolled = new Set<number>();
  for (const block of notable) {
    // The sentence may be a field's value ("2027 plan: You haven't picked a 2027 plan yet.").
    const value = block.replace(/^[^:：]{1,30}[:：]\s*/, '');
    const none = [block, value]
      .flatMap((text) => NOT_ENROLLED_FOR.map((re) => yearIn(re.exec(text))))
      .find((y) => y !== undefined);
    if (none !== undefined) notEnrolled.add(none);
    else {
      const some = yearIn(ENROLLED_FOR.exec(block));
      if (some !== undefined) enrolled.add(some);
    }
  }
  blocks.forEach((block, i) => {
    if (block.length > YEAR_ROW_MAX) return;
    // "2027 enrollment: None" in one block, or "2027" | "Not enrolled" in two.
    const colon = block.search(/[:：]/);
    const row =
      colon > 0
        ? yearRow(block.slice(0, colon), block.slice(colon + 1).trim())
        : yearRow(block, blocks[i + 1]);
    if (row) (row.enrolled ? enrolled : notEnrolled).add(row.year);
  });
  // A page that says both for one year contradicts itself: neither is known.
  for (const year of enrolled)
    if (notEnrolled.has(year)) {
      enrolled.delete(year);
      notEnrolled.delete(year);
    }
  return { enrolled: [...enrolled], notEnrolled: [...notEnrolled] };
}

/** The plan year a stretch of the page (a plan card, or a page read as one policy) covers, by its dates. */
function datesYear(blocks: string[]): number | undefined {
  const found = findLabelled(
    blocks,
    COVERAGE_DATE_LABELS,
    parseDateYear,
    labelCandidates(blocks, COVERAGE_DATE_LABELS),
  );
  return agreed(found.map((f) => f.value));
}

/** A year heading a plan card ("2026 · Ambetter Gold", "Plans 2026"). */
function headingYear(blocks: string[]): number | undefined {
  for (const block of blocks.slice(0, 3)) {
    const m = block.length <= POLICY_NAME_MAX ? /^(\d{4})\b|\b(\d{4})$/.exec(block) : null;
    const year = yearIn(m);
    if (year !== undefined) return year;
  }
  return undefined;
}

/**
 * Whether the page shows the error: a mention in the page's own text, not in a link, button or menu
 * (every HealthSherpa page links to its "Invalid Action error" tab), and not a warning about it.
 */
function showsInvalidAction(blocks: string[], root: Element | null): boolean {
  if (!blocks.some((b) => INVALID_ACTION.test(b))) return false; // the common case: one cheap pass
  if (!root) return blocks.some((b) => INVALID_ACTION.test(b) && !HEDGED.test(b));
  const seen = legibility(root);
  const sources: Element[][] = [];
  const pieces: string[][] = [];
  return textBlocks(root, { sources, pieces }).some((block, i) => {
    if (!INVALID_ACTION.test(block)) return false;
    // The line without the words of its links, buttons and the site's menus, as a person reads it.
    const prose = (pieces[i] ?? [])
      .filter((_, k) => {
        const el = sources[i]?.[k];
        return el !== undefined && !inControls(el, root) && seen(el);
      })
      .join('');
    return INVALID_ACTION.test(prose) && !HEDGED.test(prose);
  });
}

/** Whether the page labels an application or an agent of record, even with no value beside it yet. */
export function labelsPolicy(blocks: string[]): boolean {
  const specs = [...APPLICATION_LABELS, ...AOR_NPN_LABELS, ...AOR_LABELS];
  return labelBlocks(blocks, specs, labelCandidates(blocks, specs)).size > 0;
}

/** When the address does not say what the page is, what it shows does. */
export function kindFromFacts(facts: CommonFacts): 'client' | 'lead' | 'invalid-action' | 'other' {
  if (facts.invalidActionError) return 'invalid-action';
  if (facts.leadStatus) return 'lead';
  if (facts.applicationId || facts.aorNpn || facts.aorAbsent) return 'client';
  return 'other';
}

const first = <T>(found: { value: T }[]): T | undefined => found[0]?.value;
const distinct = <T>(values: T[]) => new Set(values).size;
const npnKey = (npn: string) => npn.replace(/^0+/, '');

interface AorRead {
  aorName?: string;
  aorNpn?: string;
  aorAbsent?: boolean;
  aorReferral?: boolean;
  /** Every NPN read for the agent of record, in page order. */
  npns: string[];
}

/** The NPN in its own labelled element just after the agent's name, before the next labelled fact. */
function npnAfter(blocks: string[], index: number, stops: Set<number>): string | undefined {
  let end = index + 1;
  while (end < index + 5 && end < blocks.length && !stops.has(end)) end++;
  return first(findLabelled(blocks.slice(index + 1, end), NPN_LABELS, parseNpnDigits));
}

function readAor(blocks: string[], candidates: number[], stops: Set<number>): AorRead {
  const npns: string[] = [];
  const read: AorRead = { npns };
  const named = findLabelled(blocks, AOR_LABELS, parseAor, candidates, stops);
  const npnOnly = findLabelled(blocks, AOR_NPN_LABELS, parseAorNpn, candidates, stops);
  const found =
    named.length > 0 || npnOnly.length > 0
      ? named
      : findLabelled(blocks, PLAIN_AGENT_LABELS, parseAor, candidates, stops);
  const lines: { npn: string; index: number; name?: string }[] = [];
  for (const { value, index } of found) {
    read.aorName ??= value.name;
    if (value.absent) read.aorAbsent = true;
    if (value.referral) read.aorReferral = true;
    const npn = value.npn ?? (value.referral ? undefined : npnAfter(blocks, index, stops));
    if (npn) lines.push({ npn, index, name: value.name });
  }
  for (const { value, index } of npnOnly) {
    if (value.npn) lines.push({ npn: value.npn, index });
    else if (value.absent) read.aorAbsent = true;
  }
  const latest = latestDated(blocks, lines);
  if (latest) {
    // A dated history of the agent of record: the latest entry is the NPN on the policy. The earlier ones
    // stay NPNs the reader has not placed (facts.ts unplaced), so they can hold back "clear", never give it.
    npns.push(latest.npn);
    read.aorName = latest.name ?? read.aorName;
  } else npns.push(...lines.map((l) => l.npn));
  read.aorNpn = npns[0];
  if (npns.length > 0) read.aorAbsent = undefined;
  return read;
}

/** How far above an agent-of-record line its entry's date may sit ("Jun 18, 2026" / "AOR changed" / line). */
const DATE_REACH = 3;

/**
 * The latest agent-of-record line of a dated history (a plan-history timeline, oldest or newest first):
 * several NPNs, each line after a date of its own that no other line shares. Otherwise undefined: a page
 * showing two agents of record without saying which came last contradicts itself.
 */
function latestDated<T extends { npn: string; index: number }>(blocks: string[], lines: T[]): T | undefined {
  if (distinct(lines.map((l) => npnKey(l.npn))) < 2) return undefined;
  const dated: { line: T; date: number }[] = [];
  let floor = -1;
  for (const line of [...lines].sort((a, b) => a.index - b.index)) {
    let date: number | undefined;
    for (let i = line.index - 1; i > floor && i >= line.index - DATE_REACH && date === undefined; i--)
      date = parseDate(blocks[i] ?? '');
    if (date === undefined) return undefined;
    dated.push({ line, date });
    floor = line.index;
  }
  if (distinct(dated.map((d) => d.date)) < dated.length) return undefined;
  return dated.reduce((a, b) => (b.date > a.date ? b : a)).line;
}

/** A Resume Link shown on the page: a link, or a read-only field holding it for copying. */
function findResumeLink(doc: Document): string | undefined {
  // By tag, then by words: a query on attribute words walks the whole page, the tag lists do not.
  const resume = (text: string | null) => text !== null && /resume/i.test(text);
  const candidates = [
    ...Array.from(doc.getElementsByTagName('a'))
      .filter((a) => resume(a.getAttribute('href')))
      .map((a) => a.href),
    ...Array.from(doc.getElementsByTagName('input'))
      .filter((i) => resume(i.getAttribute('value')))
      .map((i) => i.value),
  ];
  return candidates.find((c) => c.length <= 2000 && /^https:\/\/[^\s/]+\/\S*$/i.test(c));
}

/** How far past a label its value, or the agent's NPN, may sit (see findLabelled and npnAfter). */
const VALUE_REACH = 5;

/**
 * The page's blocks as a person reads them. Judging every element costs more than reading the page, so
 * only the blocks that can carry a fact are judged (labels, what follows them, the notable lines): words
 * no person can read are taken out of them (a block with none left is dropped), and the page is read
 * without them. What a person reads stays, wherever it sits (lib/sites/legibility.ts).
 */
export function pageBlocks(root: Element, seen: Seen = legibility(root)): string[] {
  const sources: Element[][] = [];
  const pieces: string[][] = [];
  const blocks = textBlocks(root, { sources, pieces });
  const judged = new Set<number>();
  for (const i of labelCandidates(blocks, ALL_LABELS))
    for (let j = i; j <= i + VALUE_REACH && j < blocks.length; j++) judged.add(j);
  // A notable line and the next (a bare "NPN" label's value).
  blocks.forEach((b, i) => {
    if (NOTABLE.test(b.toLowerCase())) judged.add(i).add(i + 1);
  });
  let changed = false;
  const read: (string | null)[] = blocks.slice();
  for (const i of judged) {
    const from = sources[i];
    if (!from || from.every(seen)) continue;
    changed = true;
    // Only the words a person reads: a decoy inside a real line does not take the line with it. Words
    // drawn in another order keep their place with their numbers refused: a person reads a number there.
    const words = (pieces[i] ?? [])
      .map((piece, k) => {
        const el = from[k];
        if (!el) return '';
        if (seen(el)) return piece;
        return seen.reordered(el) ? piece.replace(/\d+/g, REFUSED_NUMBER) : '';
      })
      .join('');
    read[i] = words.trim() || null;
  }
  return changed ? read.filter((b): b is string => b !== null) : blocks;
}

/** What one stretch of the page (the whole page, or one plan card) says about its policy. */
interface PolicyRead {
  ids: string[];
  aor: AorRead;
  coverage: boolean[];
  /** The stretch has an agent-of-record line at all (a plan card does; the application card does not). */
  hasAorLine: boolean;
}

function readPolicy(
  blocks: string[],
  noActiveCoverage: boolean,
): PolicyRead & { candidates: number[]; stops: Set<number> } {
  const candidates = labelCandidates(blocks, ALL_LABELS);
  const stops = labelBlocks(blocks, ALL_LABELS, candidates);
  const aor = readAor(blocks, candidates, stops);
  const coverage = findLabelled(blocks, COVERAGE_LABELS, parseCoverage, candidates, stops).map(
    (f) => f.value,
  );
  return {
    candidates,
    stops,
    ids: findLabelled(blocks, APPLICATION_LABELS, parseApplicationId, candidates, stops).map((f) => f.value),
    aor,
    coverage: noActiveCoverage ? [false, ...coverage] : coverage,
    hasAorLine:
      aor.npns.length > 0 || aor.aorAbsent === true || aor.aorReferral === true || aor.aorName !== undefined,
  };
}

/** One value when the page agrees with itself; undefined (never a guess) when it does not. */
function agreed<T>(values: T[]): T | undefined {
  return distinct(values) === 1 ? values[0] : undefined;
}

const POLICY_NAME_MAX = 80;

/**
 * Read as one policy with no dates: the year in the heading of the card that holds its coverage status
 * ("2026 Florida Application" over "Coverage status: Enrolled"). An application's own status is not the
 * coverage's. One year only.
 */
function statusCardYear(root: Element, seen: Seen): number | undefined {
  const years: number[] = [];
  const sources: Element[][] = [];
  const pieces: string[][] = [];
  textBlocks(root, { sources, pieces });
  const labels = pieces.flatMap((words, i) =>
    words.flatMap((w, k) => {
      const text = w.trim();
      const label = sources[i]?.[k];
      return text.length < 60 && label && COVERAGE_LABEL_TEXT.test(text) && !/^application/i.test(text)
        ? [label]
        : [];
    }),
  );
  for (const label of labels) {
    let card: Element | null = label;
    for (let up = 0; up < CARD_LEVELS && card; up++) {
      card = card.parentElement;
      if (!card || card === root) break; // the whole page is no card
      const heading = card.querySelector('h1, h2, h3, h4');
      if (!heading) continue;
      const words = heading.textContent ?? '';
      const year =
        words.length <= POLICY_NAME_MAX && seen(heading) ? yearIn(/\b(\d{4})\b/.exec(words)) : undefined;
      if (year !== undefined) years.push(year);
      break;
    }
  }
  return agreed(years);
}
/** How far above a status label its card's heading may sit. */
const CARD_LEVELS = 4;

/**
 * Plan cards: the largest element around each coverage status that holds no other status. Only cards
 * with an agent-of-record line are policies (the application card has a status but no AOR).
 */
function policyCards(root: Element): Element[] {
  const statuses: Element[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* text */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length < 60 && node.parentElement && COVERAGE_LABEL_TEXT.test(text.trim()))
      statuses.push(node.parentElement);
  }
  if (statuses.length < 2) return [];
  const cards = new Set<Element>();
  for (const status of statuses) {
    let card = status;
    while (
      card.parentElement &&
      card.parentElement !== root &&
      statuses.filter((s) => card.parentElement?.contains(s)).length === 1
    )
      card = card.parentElement;
    cards.add(card);
  }
  return [...cards];
}

function policyName(blocks: string[], labels: Set<number>): string | undefined {
  const index = blocks.findIndex((b, i) => !labels.has(i) && /\p{L}/u.test(b));
  const name = index >= 0 && index < 3 ? blocks[index] : undefined;
  return name && name.length <= POLICY_NAME_MAX ? name : undefined;
}

function readPolicies(root: Element, seen: Seen): PolicyFacts[] {
  const policies: PolicyFacts[] = [];
  for (const card of policyCards(root)) {
    const blocks = pageBlocks(card, seen);
    const read = readPolicy(blocks, false);
    if (!read.hasAorLine) continue;
    policies.push({
      name: policyName(blocks, read.stops),
      applicationId: agreed(read.ids),
      aorName: read.aor.aorName,
      aorNpn: agreed(read.aor.npns.map(npnKey)) === undefined ? undefined : read.aor.npns[0],
      aorAbsent: read.aor.aorAbsent,
      aorReferral: read.aor.aorReferral,
      hasActiveCoverage: agreed(read.coverage),
      enrolleeAssistance: read.aor.aorReferral,
      coveragePlanYear:
        datesYear(blocks) ??
        first(findLabelled(blocks, PLAN_YEAR_LABELS, parsePlanYear, read.candidates, read.stops)) ??
        headingYear(blocks),
    });
  }
  return policies.length >= 2 ? policies.slice(0, MAX_POLICY_CARDS).map(withoutUndefined) : [];
}

/**
 * Rows of a policies table (Policy | Status | Coverage start | Coverage end | AOR NPN): each row pairs
 * its own status with its own agent of record, as a plan card does.
 */
function rowPolicies(root: Element, seen: Seen): PolicyFacts[] {
  const policies: PolicyFacts[] = [];
  for (const record of tableRecords(root)) {
    const blocks = seen
      ? record.blocks.filter((_, i) => (record.sources[i] ?? []).every(seen))
      : record.blocks;
    const read = readPolicy(blocks, false);
    if (!read.hasAorLine || read.coverage.length === 0) continue;
    const name = blocks.map((b) => POLICY_COLUMN.exec(b)?.[1]).find((n) => n !== undefined);
    policies.push(
      withoutUndefined({
        name: name && name.length <= POLICY_NAME_MAX ? name : undefined,
        applicationId: agreed(read.ids),
        aorName: read.aor.aorName,
        aorNpn: agreed(read.aor.npns.map(npnKey)) === undefined ? undefined : read.aor.npns[0],
        aorAbsent: read.aor.aorAbsent,
        aorReferral: read.aor.aorReferral,
        hasActiveCoverage: agreed(read.coverage),
        enrolleeAssistance: read.aor.aorReferral,
      }),
    );
  }
  return policies.length >= 2 ? policies.slice(0, MAX_POLICY_CARDS) : [];
}

/** Past this many cards the page is a list, not one consumer's policies. */
const MAX_POLICY_CARDS = 30;

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function readCommonFacts(blocks: string[], doc: Document): CommonFacts {
  const conflicts: CommonFacts['conflicts'] = [];
  const notable = blocks.filter((b) => NOTABLE.test(b.toLowerCase()));
  const noActiveCoverage = notable.some((b) => NO_ACTIVE_COVERAGE.test(b));
  const page = readPolicy(blocks, noActiveCoverage);
  const { candidates, stops } = page;
  if (distinct(page.ids) > 1) conflicts.push('applicationId');
  // Several values for the AOR or the coverage: either several policies (read card by card) or a page
  // that contradicts itself (caution).
  const several = page.aor.npns.length > 1 || page.coverage.length > 1;
  const policies = several && doc.body ? readPolicies(doc.body, legibility(doc.body)) : [];
  if (several && policies.length === 0 && doc.body)
    policies.push(...rowPolicies(doc.body, legibility(doc.body)));
  const { npns, ...aor } = page.aor;
  let hasActiveCoverage = agreed(page.coverage);
  let aorNpn = aor.aorNpn;
  let aorNpns: string[] | undefined;
  if (policies.length > 0) {
    const active = policies.filter((p) => p.hasActiveCoverage !== false);
    const activeNpns = active.map((p) => p.aorNpn);
    aorNpn = activeNpns.every((n) => n !== undefined) ? agreed(activeNpns) : undefined;
    hasActiveCoverage = policies.some((p) => p.hasActiveCoverage === true)
      ? true
      : policies.every((p) => p.hasActiveCoverage === false)
        ? false
        : undefined;
  } else {
    if (distinct(npns.map(npnKey)) > 1) conflicts.push('aorNpn');
    aorNpns = distinct(npns.map(npnKey)) > 1 ? [...new Set(npns)].slice(0, 5) : undefined;
    if (distinct(page.coverage) > 1) conflicts.push('hasActiveCoverage');
  }
  const referral = aor.aorReferral || policies.some((p) => p.aorReferral) || undefined;
  // An NPN the page draws with CSS is read by a person, never placed by the reader (lib/sites/generated.ts).
  const drawn = doc.body ? generatedWords(doc, legibility(doc.body)) : [];
  const listed = doc.body ? directoryNpns(doc.body, blocks, () => legibility(doc.body as Element)) : [];
  const unplacedNpns = unplaced([blocks, drawn], npns, listed);
  const consumers = findLabelled(blocks, CONSUMER_LABELS, parseName, candidates, stops).map((f) => f.value);
  const labelledYears = findLabelled(blocks, PLAN_YEAR_LABELS, parsePlanYear, candidates, stops).map(
    (f) => f.value,
  );
  const besideApplication = notable.map(yearBesideApplication).find((y) => y !== undefined);
  // The application's year, not a plan card's: cards name the years they cover. A label ("Coverage
  // year", "Año de cobertura") before the year beside the application, as planYear reads them.
  const cardYears = new Set(policies.map((p) => p.coveragePlanYear));
  const years = enrollmentYears(blocks, notable);
  // Two consumers named on one page: a list, or a page that is not about one of them.
  if (distinct(consumers) > 1) conflicts.push('consumerName');
  return {
    applicationId: page.ids[0],
    planYear: labelledYears[0] ?? besideApplication,
    submissionPlanYear: labelledYears.find((y) => !cardYears.has(y)) ?? besideApplication ?? labelledYears[0],
    coveragePlanYear:
      policies.length > 0
        ? undefined
        : (datesYear(blocks) ??
          onlyOtherYear(years) ??
          headedYear(blocks, years.notEnrolled) ??
          (doc.body ? statusCardYear(doc.body, legibility(doc.body)) : undefined)),
    ...(years.enrolled.length > 0 ? { enrolledPlanYears: years.enrolled } : {}),
    ...(years.notEnrolled.length > 0 ? { notEnrolledPlanYears: years.notEnrolled } : {}),
    // Only a labelled name: a page's heading is its title on most sites ("Application summary"); the
    // HealthSherpa adapter knows where its heading is the consumer's name.
    consumerName: consumers[0],
    state:
      first(
        findLabelled(blocks, STATE_LABELS, (t) => toStateCode(t.split(/[,(]/)[0] ?? ''), candidates, stops),
      ) ??
      first(findLabelled(blocks, ADDRESS_LABELS, parseStateFromAddress, candidates, stops)) ??
      notable.map(stateBesideApplication).find((s) => s !== undefined),
    aorName: aor.aorName,
    aorNpn,
    aorNpns,
    aorAbsent: policies.length > 0 ? undefined : aor.aorAbsent,
    aorReferral: referral,
    conflicts,
    hasActiveCoverage,
    leadStatus: first(findLabelled(blocks, LEAD_STATUS_LABELS, parseLeadStatus, candidates, stops)),
    invalidActionError: showsInvalidAction(notable, doc.body),
    overrideNpn: first(findLabelled(blocks, OVERRIDE_LABELS, parseOverride, candidates, stops)),
    enrolleeAssistance: notable.some((b) => ENROLLEE_ASSISTANCE.test(b)) || referral,
    resumeLink: findResumeLink(doc),
    ...readConsent(blocks, doc.body, () => legibility(doc.body as Element)),
    ...(policies.length > 0 ? { policies } : {}),
    ...(unplacedNpns.length > 0 ? { unplacedNpns } : {}),
    ...(notable.some((b) => SYNCING.test(b.toLowerCase())) ? { syncing: true } : {}),
  };
}

/**
 * Read as one policy with no dates: when the page says there is no enrollment for a year and names one
 * other year the consumer is enrolled for ("2027" | "Not enrolled", "2026" | "Enrolled"), the coverage
 * it shows can only be that other year's.
 */
function onlyOtherYear(years: { enrolled: number[]; notEnrolled: number[] }): number | undefined {
  return years.notEnrolled.length > 0 && years.enrolled.length === 1 ? years.enrolled[0] : undefined;
}

/** A year heading the policy's section or its labels (HEADED_YEAR). One year only. */
const HEADING_MAX = 40;

function headedYear(blocks: string[], notEnrolled: number[]): number | undefined {
  const years = blocks
    .filter((b) => b.length <= HEADING_MAX)
    .map((b) => yearIn(HEADED_YEAR.exec(b)))
    // A year the page says has no enrollment ("2027 plan: You haven't picked one") covers nothing.
    .filter((y) => y !== undefined && !notEnrolled.includes(y));
  return agreed(years);
}

const MAX_UNPLACED = 5;

/**
 * The NPNs a person reads on the page (its blocks, and apart from them what its stylesheets draw) that the
 * reader has not placed: not the agent of record's it read, and not beside the words of another role
 * (assistor, writing agent…). Whether one is the agent's own is the verdict's to say (lib/risk/gate.ts).
 */
function unplaced(
  texts: string[][],
  aorNpns: string[],
  listed: { npn: string }[],
): { npn: string; label: string }[] {
  const placed = new Set(aorNpns.map(npnKey));
  // A directory's listings (lib/sites/directory.ts) place one mention each: the same NPN elsewhere counts.
  const inDirectory = new Map<string, number>();
  for (const { npn } of listed) inDirectory.set(npnKey(npn), (inDirectory.get(npnKey(npn)) ?? 0) + 1);
  const out = new Map<string, { npn: string; label: string }>();
  for (const { npn, label, role } of texts.flatMap(npnsOnPage)) {
    const listings = inDirectory.get(npnKey(npn)) ?? 0;
    if (role === undefined && listings > 0) {
      inDirectory.set(npnKey(npn), listings - 1);
      continue;
    }
    if (role === 'other' || placed.has(npnKey(npn)) || out.has(npnKey(npn))) continue;
    out.set(npnKey(npn), { npn, label });
  }
  return [...out.values()].slice(0, MAX_UNPLACED);
}
