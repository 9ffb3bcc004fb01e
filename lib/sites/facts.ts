// The labelled facts every enrollment site shows in its own words (docs/DOMAIN.md "Words on the pages").
import { isPlanYear } from '../shared/plan-year';
import { toStateCode } from '../shared/states';
import type { PageFacts } from './index';
import { findLabelled, type LabelSpec, labelCandidates, textBlocks } from './labels';

/** What every site's page shows in its own words: PageFacts less what the adapter itself decides. */
export type CommonFacts = Omit<PageFacts, 'site' | 'pageKind' | 'pathway' | 'atRiskRows' | 'conflicts'> & {
  conflicts: NonNullable<PageFacts['conflicts']>;
};

const NAME_MAX = 120;

export const APPLICATION_LABELS: LabelSpec[] = [
  { label: 'ffm app(?:lication)? id', trailingWords: true },
  { label: 'federal exchange id' },
  { label: '(?:marketplace )?application id' },
  { label: 'exchange id' },
];
const AOR_LABELS: LabelSpec[] = [
  { label: 'agent of record', trailingWords: true },
  { label: 'aor' },
  // "Agent" begins ordinary phrases ("Agent Support (888) 684-1373", "Agent or broker helping you"):
  // only "Agent: …" or "Agent" with its value in the next element.
  { label: 'agent(?: or broker)?(?: name)?', inline: false },
];
const NPN_LABELS: LabelSpec[] = [{ label: 'npn' }, { label: 'national producer number' }];
const PLAN_YEAR_LABELS: LabelSpec[] = [{ label: 'plan year' }, { label: 'coverage year' }];
const COVERAGE_LABELS: LabelSpec[] = [
  { label: '(?:coverage|policy|enrollment|enrolment|application|plan) status' },
  { label: 'status' },
  { label: 'coverage' },
];
const OVERRIDE_LABELS: LabelSpec[] = [
  { label: '(?:agency )?override npn', trailingWords: true },
  { label: 'npn override' },
];
const LEAD_STATUS_LABELS: LabelSpec[] = [{ label: '(?:lead )?status' }];
const STATE_LABELS: LabelSpec[] = [{ label: "(?:consumer'?s? )?state(?: of residence)?" }];
const ADDRESS_LABELS: LabelSpec[] = [{ label: '(?:home |mailing |residential )?address' }];
const CONSUMER_LABELS: LabelSpec[] = [
  { label: 'primary (?:applicant|contact)' },
  { label: '(?:client|consumer|applicant) name' },
  // Not "Client details" → "details", "Consumer Marketplace Call Center" → a name.
  { label: 'client', inline: false },
  { label: 'consumer', inline: false },
];

/** Words that are labels, not names: a label in a name's place means the value is further on. */
const LABEL_WORDS =
  /^(name|npn|agent|aor|agent of record|status|national producer number|none|n\/a|not assigned|unknown|details)$/i;
const NO_AGENT = /^(none|no agent(?: of record)?|not assigned|unassigned|no npn|—|-)$/i;

// Digits are ASCII only; a lookalike digit (fullwidth, Arabic-Indic) right after them means the number is
// not what it seems, so it is not read at all rather than cut short ("8765４321" is not NPN 8765).
export function parseApplicationId(text: string): string | undefined {
  return /^[#\s]*(?:no\.?\s*)?(\d{5,20})(?!\p{Nd})/iu.exec(text)?.[1];
}

export function parsePlanYear(text: string): number | undefined {
  const m = /^\D{0,12}?\b(\d{4})(?![\w\p{Nd}])/u.exec(text);
  const year = m ? Number(m[1]) : Number.NaN;
  return isPlanYear(year) ? year : undefined;
}

const NPN_IN_TEXT =
  /\b(?:NPN|national producer number)\b\s*(?:#|no\.?|number)?\s*[:：]?\s*(\d{1,10})(?!\p{Nd})/iu;

function parseNpnDigits(text: string): string | undefined {
  return /^[#\s]*(\d{1,10})(?!\p{Nd})/u.exec(text)?.[1];
}

function parseName(text: string): string | undefined {
  // Separators left over when the NPN is cut off: "Pat Other · NPN …", "Jane Broker / NPN …".
  const name = text.replace(/[\s,;:|/·•(–—-]+$/, '').trim();
  if (!/\p{L}/u.test(name) || /^\d/.test(name) || LABEL_WORDS.test(name)) return undefined;
  return name.slice(0, NAME_MAX);
}

type Aor = { name?: string; npn?: string; absent?: true };

function parseAor(text: string): Aor | undefined {
  if (NO_AGENT.test(text)) return { absent: true };
  const npn = NPN_IN_TEXT.exec(text);
  // The name ends where "NPN" begins, even when what follows is not digits we accept (fullwidth).
  const npnWord = /\(?\s*\b(?:NPN|national producer number)\b/i.exec(text);
  const name = parseName(npnWord ? text.slice(0, npnWord.index) : text);
  if (!npn && !name) return undefined;
  return { name, npn: npn?.[1] };
}

function parseOverride(text: string): string | undefined {
  if (/^(none|no override|do not override|not using override|—|-)$/i.test(text)) return '';
  return NPN_IN_TEXT.exec(text)?.[1] ?? /^\d{1,10}$/.exec(text)?.[0];
}

export function parseCoverage(text: string): boolean | undefined {
  if (/^(cancel+ed|terminated|expired|not enrolled|no active coverage|inactive)\b/i.test(text)) return false;
  if (/^(active|effectuated|enrolled|pending effectuation)\b/i.test(text)) return true;
  return undefined;
}

function parseLeadStatus(text: string): CommonFacts['leadStatus'] {
  const m = /^(shopping|applying|confirming)\b/i.exec(text);
  return m?.[1] ? (m[1].toLowerCase() as CommonFacts['leadStatus']) : undefined;
}

function parseStateFromAddress(text: string): string | undefined {
  const m = /,\s*([A-Z]{2})\s+\d{5}(?:-\d{4})?\b/.exec(text);
  return m?.[1] ? toStateCode(m[1]) : undefined;
}

/** "2027 Marketplace application": the plan year beside the application, when no label names it. */
function yearBesideApplication(text: string): number | undefined {
  const m = /^(\d{4})\s+(?:marketplace\s+|health\s+(?:insurance|coverage)\s+)?application\b/i.exec(text);
  return m?.[1] ? parsePlanYear(m[1]) : undefined;
}

const INVALID_ACTION = /\binvalid\s?action\b/i;
/**
 * Words that make a mention of the error a warning or help text, not the error itself: HealthSherpa warns
 * on a details page that a consumer is "at risk of generating CMS' Invalid Action error".
 */
const HEDGED = /\b(?:at[- ]risk|risk of|may|might|could|would|if|avoid|prevent|learn|about|triggers)\b/i;

/**
 * Whether the page shows the error: a mention in the page's own text, not in a link, button or menu
 * (every HealthSherpa page links to its "Invalid Action error" tab), and not a warning about it.
 */
function showsInvalidAction(blocks: string[], doc: Document): boolean {
  if (!blocks.some((b) => INVALID_ACTION.test(b))) return false; // the common case: one cheap pass
  const prose = doc.body ? textBlocks(doc.body, { skipControls: true }) : blocks;
  return prose.some((b) => INVALID_ACTION.test(b) && !HEDGED.test(b));
}

/** When the address does not say what the page is, what it shows does. */
export function kindFromFacts(facts: CommonFacts): 'client' | 'lead' | 'invalid-action' | 'other' {
  if (facts.invalidActionError) return 'invalid-action';
  if (facts.leadStatus) return 'lead';
  if (facts.applicationId || facts.aorNpn || facts.aorAbsent) return 'client';
  return 'other';
}

const first = <T>(found: { value: T }[]): T | undefined => found[0]?.value;
const distinct = <T>(found: { value: T }[]) => new Set(found.map((f) => f.value)).size;

function readAor(
  blocks: string[],
  candidates: number[],
): Pick<CommonFacts, 'aorName' | 'aorNpn' | 'aorAbsent'> & { npns: string[] } {
  const found = findLabelled(blocks, AOR_LABELS, parseAor, candidates);
  const npns: string[] = [];
  let aorName: string | undefined;
  let aorAbsent: boolean | undefined;
  for (const { value, index } of found) {
    aorName ??= value.name;
    if (value.absent) aorAbsent = true;
    // The NPN may sit in its own labelled element just after the agent's name.
    const npn =
      value.npn ?? first(findLabelled(blocks.slice(index + 1, index + 5), NPN_LABELS, parseNpnDigits));
    if (npn) npns.push(npn);
  }
  return { aorName, aorNpn: npns[0], aorAbsent: npns.length === 0 ? aorAbsent : undefined, npns };
}

/** A Resume Link shown on the page: a link, or a read-only field holding it for copying. */
function findResumeLink(doc: Document): string | undefined {
  const candidates = [
    ...Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href*="resume" i]'), (a) => a.href),
    ...Array.from(doc.querySelectorAll<HTMLInputElement>('input[value*="resume" i]'), (i) => i.value),
  ];
  return candidates.find((c) => c.length <= 2000 && /^https:\/\/[^\s/]+\/\S*$/i.test(c));
}

const ALL_LABELS = [
  ...APPLICATION_LABELS,
  ...AOR_LABELS,
  ...PLAN_YEAR_LABELS,
  ...CONSUMER_LABELS,
  ...STATE_LABELS,
  ...ADDRESS_LABELS,
  ...COVERAGE_LABELS,
  ...LEAD_STATUS_LABELS,
  ...OVERRIDE_LABELS,
];
/** Words worth a second look anywhere on the page, found in the same single pass. */
const NOTABLE = /no active coverage|enrollee assistance|invalid\s?action|^\d{4}\s/i;

export function readCommonFacts(blocks: string[], doc: Document): CommonFacts {
  const conflicts: CommonFacts['conflicts'] = [];
  const candidates = labelCandidates(blocks, ALL_LABELS);
  const notable = blocks.filter((b) => NOTABLE.test(b));
  const ids = findLabelled(blocks, APPLICATION_LABELS, parseApplicationId, candidates);
  if (distinct(ids) > 1) conflicts.push('applicationId');
  const { npns, ...aor } = readAor(blocks, candidates);
  if (new Set(npns.map((n) => n.replace(/^0+/, ''))).size > 1) conflicts.push('aorNpn');

  const noActiveCoverage = notable.some((b) => /^no active coverage\.?$/i.test(b));
  return {
    applicationId: first(ids),
    planYear:
      first(findLabelled(blocks, PLAN_YEAR_LABELS, parsePlanYear, candidates)) ??
      notable.map(yearBesideApplication).find((y) => y !== undefined),
    // Only a labelled name: a page's heading is its title on most sites ("Application summary"); the
    // HealthSherpa adapter knows where its heading is the consumer's name.
    consumerName: first(findLabelled(blocks, CONSUMER_LABELS, parseName, candidates)),
    state:
      first(findLabelled(blocks, STATE_LABELS, (t) => toStateCode(t.split(/[,(]/)[0] ?? ''), candidates)) ??
      first(findLabelled(blocks, ADDRESS_LABELS, parseStateFromAddress, candidates)),
    ...aor,
    conflicts,
    hasActiveCoverage: noActiveCoverage
      ? false
      : first(findLabelled(blocks, COVERAGE_LABELS, parseCoverage, candidates)),
    leadStatus: first(findLabelled(blocks, LEAD_STATUS_LABELS, parseLeadStatus, candidates)),
    invalidActionError: showsInvalidAction(notable, doc),
    overrideNpn: first(findLabelled(blocks, OVERRIDE_LABELS, parseOverride, candidates)),
    enrolleeAssistance: notable.some((b) => /\benrollee assistance\b/i.test(b)) || undefined,
    resumeLink: findResumeLink(doc),
  };
}
