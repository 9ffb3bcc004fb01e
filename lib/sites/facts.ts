// The labelled facts every enrollment site shows in its own words (docs/DOMAIN.md "Words on the pages").
import { isPlanYear } from '../shared/plan-year';
import { toStateCode } from '../shared/states';
import { CONSENT_STATUS_LABELS, readConsent } from './consent';
import {
  findLabelled,
  type LabelSpec,
  labelBlocks,
  labelCandidates,
  tableRecords,
  textBlocks,
} from './labels';
import { legibility, type Seen } from './legibility';
import { AOR_WORDS, NOT_AOR_ROLE, npnsOnPage } from './npns';
import type { PageFacts, PolicyFacts } from './page-facts';

/** What every site's page shows in its own words: PageFacts less what the adapter itself decides. */
export type CommonFacts = Omit<PageFacts, 'site' | 'pageKind' | 'pathway' | 'atRiskRows' | 'conflicts'> & {
  conflicts: NonNullable<PageFacts['conflicts']>;
};

const NAME_MAX = 120;

// Labels in English and in Spanish (HealthSherpa's interface runs in both; docs/DOMAIN.md).
export const APPLICATION_LABELS: LabelSpec[] = [
  { label: 'ffm(?: app(?:lication)?)? id', trailingWords: true },
  { label: 'federal exchange id' },
  { label: '(?:exchange |marketplace )?application id' },
  { label: 'exchange id' },
  { label: 'id de (?:la )?(?:solicitud (?:de(?:l)? )?)?(?:ffm|mercado)' },
  { label: 'id de (?:la )?solicitud' },
  // HealthCare.gov's "My Applications & Coverage": "ID#: 7719203" (not always 10 digits).
  { label: 'id\\s*#' },
];
/** Labels whose value is the agent of record's NPN alone ("AOR NPN" 87654321, "BOR NPN"). */
const AOR_NPN_LABELS: LabelSpec[] = [
  // "Agent of Record NPN (FFM)": words after it say whose record, not another role.
  { label: `(?:aor|bor|${AOR_WORDS})\\s*\\(?\\s*npn\\s*\\)?`, trailingWords: true },
  { label: 'npn del (?:agente|corredor)(?: de registro)?' },
];
const AOR_LABELS: LabelSpec[] = [
  { label: `(?:${AOR_WORDS})`, trailingWords: true },
  // Tabs and list items begin with it ("AOR at risk", "AOR was changed"): only "AOR: …" or its own cell.
  { label: '(?:aor|bor)(?:\\s*\\([^)]{0,40}\\))?', inline: false },
];
/**
 * "Agent" alone is the AOR only on pages that name no agent of record otherwise: beside one, it is a
 * column of the enrollment history. It begins ordinary phrases ("Agent Support (888) 684-1373"): only
 * "Agent: …" or "Agent" with its value in the next element.
 */
const PLAIN_AGENT_LABELS: LabelSpec[] = [
  // HealthCare.gov's "Agent or broker" and its Spanish "Agente o corredor".
  { label: 'agent(?: or broker)?(?: name)?|agente(?: o corredor)?', inline: false },
];
const NPN_LABELS: LabelSpec[] = [{ label: 'npn' }, { label: 'national producer number' }];
const PLAN_YEAR_LABELS: LabelSpec[] = [
  { label: 'plan year' },
  { label: 'coverage year' },
  { label: 'año (?:del plan|de (?:la )?cobertura)' },
];
/**
 * When a policy's coverage starts or ends: the plan year it covers. Not stops for other values:
 * "Vigente" is HealthSherpa's Spanish "Effective" and also a status word.
 */
const COVERAGE_DATE_LABELS: LabelSpec[] = [
  { label: '(?:coverage )?(?:effective|start|expiration|end)(?: date)?' },
  { label: 'expires' },
  // "Coverage: 01/01/2026 – 12/31/2026" (also a status label: only a date is read as a year here).
  { label: 'coverage(?: dates?| period)?' },
  { label: 'vigente|vencimiento|fecha de (?:vigencia|inicio|vencimiento)' },
  { label: 'fechas? de (?:la )?cobertura|per[ií]odo de (?:la )?cobertura' },
];
const COVERAGE_LABELS: LabelSpec[] = [
  { label: '(?:coverage|policy|enrollment|enrolment|application|plan) status' },
  { label: 'status' },
  { label: 'coverage' },
  { label: 'estado(?: de (?:la )?(?:cobertura|póliza|inscripción))?' },
];
/**
 * People on the page who are not the agent of record (docs/DOMAIN.md): their lines are never read as the
 * AOR, and a value search stops at them.
 */
const NOT_AOR_LABELS: LabelSpec[] = [{ label: NOT_AOR_ROLE, trailingWords: true }];
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
  /^(name|npn|agent|aor|agent of record|status|national producer number|none|n\/a|not assigned|unknown|details|nombre|estado)$/i;
/** Placeholders where a value will be: not a value, and not a statement that there is none. */
const PLACEHOLDER = /^(?:[—–-]+|n\/?a|pending|pendiente|tbd|unknown|desconocido|null|undefined|\.{3}|…)$/i;
/**
 * What an agent-of-record field shows when it has none: "no agent of record", never a reason to take the
 * next words on the page ("View Plan History") as the agent's name.
 */
const EMPTY_AOR =
  /^(?:[—–-]+|n\/?a|none|no agent(?: of record)?|not assigned|unassigned|no npn|ninguno|ninguna|no asignado|sin asignar|sin agente)\.?$/i;
/** "Not returned by the Marketplace", "Not available": the site cannot say, so unknown. */
const NOT_SHOWN = /^\s*(?:not (?:returned|available|shown|provided|reported)|unavailable|no disponible)\b/i;
/** Words of a link or button: an action, never a person's name. */
const ACTION_WORDS =
  /^(?:view|show|see|edit|change|add|manage|open|learn|sync|update|download|print|hide|expand|collapse|ver|mostrar|editar|cambiar|agregar)\b/i;
/** HealthSherpa's Enrollee Assistance enrollments carry HealthSherpa's own NPN (docs/DOMAIN.md). */
const REFERRAL = /^healthsherpa referral\b/i;

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

/** The year of a date as the sites write it: 01/01/2026, 2026-01-01, Jan 1, 2026, 1 de enero de 2026. */
export function parseDateYear(text: string): number | undefined {
  const m =
    /^(?:\d{1,2}[/.-]\d{1,2}[/.-](\d{4})|(\d{4})-\d{2}-\d{2}|\p{L}{3,}\.? \d{1,2},? (\d{4})|\d{1,2} (?:de )?\p{L}{3,}\.? (?:de )?(\d{4}))(?![\w\p{Nd}])/u.exec(
      text.toLowerCase(),
    );
  const year = Number(m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4] ?? Number.NaN);
  return isPlanYear(year) ? year : undefined;
}

const NPN_IN_TEXT =
  /\b(?:NPN|national producer number)\b\s*(?:#|no\.?|number)?\s*[:：]?\s*(\d{1,10})(?!\p{Nd})/iu;

export function parseNpnDigits(text: string): string | undefined {
  return /^[#\s]*(\d{1,10})(?!\p{Nd})/u.exec(text)?.[1];
}

export function parseName(text: string): string | undefined {
  // Separators left over when the NPN is cut off: "Pat Other · NPN …", "Jane Broker / NPN …".
  const name = text.replace(/[\s,;:|/·•(–—-]+$/, '').trim();
  if (
    !/\p{L}/u.test(name) ||
    /^\d/.test(name) ||
    LABEL_WORDS.test(name) ||
    PLACEHOLDER.test(name) ||
    ACTION_WORDS.test(name)
  )
    return undefined;
  return name.slice(0, NAME_MAX);
}

type Aor = { name?: string; npn?: string; absent?: true; referral?: true };

/** An agent-of-record value: its name and NPN; "—" or "None" (none); a placeholder ("Pending") says nothing. */
export function parseAor(text: string): Aor | undefined {
  if (EMPTY_AOR.test(text.trim())) return { absent: true };
  // The field is there and says nothing yet: the search for its value ends here, unknown.
  if (PLACEHOLDER.test(text.trim()) || NOT_SHOWN.test(text)) return {};
  if (REFERRAL.test(text)) return { name: 'HealthSherpa referral', referral: true };
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

// Status words of the sites and of their exports (PendingEffectuation), in English and Spanish, alone or
// after the word for what they describe ("Coverage terminated", "Cobertura cancelada").
const STATUS_OF = String.raw`^(?:(?:coverage|policy|cobertura|p[oó]liza)\s+)?`;
const NOT_ACTIVE = new RegExp(
  String.raw`${STATUS_OF}(cancel+ed|terminated|expired|not enrolled|no active coverage|inactive|cancelad[oa]|terminad[oa]|vencid[oa]|expirad[oa]|inactiv[oa]|sin cobertura activa)\b`,
  'i',
);
const ACTIVE = new RegExp(
  String.raw`${STATUS_OF}(active|effectuated|enrolled|pending ?effectuation|activ[oa]|efectuad[oa]|inscrit[oa]|vigente)\b`,
  'i',
);

export function parseCoverage(text: string): boolean | undefined {
  if (NOT_ACTIVE.test(text)) return false;
  if (ACTIVE.test(text)) return true;
  return undefined;
}

function parseLeadStatus(text: string): CommonFacts['leadStatus'] {
  const m = /^(shopping|applying|confirming)\b/i.exec(text);
  return m?.[1] ? (m[1].toLowerCase() as CommonFacts['leadStatus']) : undefined;
}

export function parseStateFromAddress(text: string): string | undefined {
  const m = /,\s*([A-Z]{2})\s+\d{5}(?:-\d{4})?\b/.exec(text);
  return m?.[1] ? toStateCode(m[1]) : undefined;
}

/**
 * "2027 Marketplace application", "2026 Florida Application": the plan year (and the state) beside the
 * application, when no label names them.
 */
// Matched on lowercased text, with the `u` flag alone: `\p{L}` under both `i` and `u` took the engine
// milliseconds to compile on every page (docs/PERFORMANCE.md). NOTABLE, SYNCING and parseDateYear too.
const BESIDE_APPLICATION =
  /^(\d{4})\s+(?:(\p{L}+(?: \p{L}+)?)\s+)??(?:marketplace\s+|health\s+(?:insurance|coverage)\s+)?application\b/u;

function yearBesideApplication(text: string): number | undefined {
  const m = BESIDE_APPLICATION.exec(text.toLowerCase());
  return m?.[1] ? parsePlanYear(m[1]) : undefined;
}

function stateBesideApplication(text: string): string | undefined {
  const name = BESIDE_APPLICATION.exec(text.toLowerCase())?.[2];
  return name ? toStateCode(name) : undefined;
}

/**
 * The site's own sync or busy state ("Syncing with the Marketplace…", "EDE Sync: Syncing", "Sincronizando"):
 * what the page shows may change when it is done ("Sync Complete"). docs/DOMAIN.md: the AOR lags CMS
 * until the client syncs.
 */
const SYNCING = /^(?:[\p{L} ]{0,20}[:：]\s*)?(?:syncing|sync in progress|sincronizando)\b/u;

/** "11/01/2026 – …": an enrollment history line begins with its date. */
const DATED = String.raw`(?:\d{1,2}/\d{1,2}/\d{4}\s*[–—-]\s*)?`;
/** The page says there is an enrollment for a plan year: an automatic re-enrollment, in either language. */
const ENROLLED_FOR = new RegExp(
  String.raw`^${DATED}(?:automatically re-?enrolled|automatic re-?enrol+ment|re-?enrolled|reinscrit[oa]|reinscripción automática)\b[^.]{0,60}?\b(\d{4})\b`,
  'i',
);
/**
 * Who has none, in either language: "No", "You don't have", "You haven't picked a", "We didn't find a",
 * "The household has no", "Sin", "No tiene", "No encontramos".
 */
const HAS_NONE = `(?:no|there (?:is|are) no|(?:you|they|the (?:consumer|client|household)) (?:have|has)(?:n['’]t| not) (?:yet )?(?:picked|chosen|selected)(?: (?:a|an|any))?|we (?:didn['’]t|did not|could not|couldn['’]t) find(?: (?:a|an|any))?|no (?:encontramos|se encontró)(?: (?:una?|ninguna?))?|(?:you|they|the (?:consumer|client|household)) (?:do(?:es)?n['’]t|do(?:es)? not) have(?: (?:a|an|any))?|(?:the |this )?(?:consumer|client|household) has no|sin|no hay|(?:usted |el (?:consumidor|cliente|hogar) )?no tiene(?: (?:una?|ninguna?))?)`;
/** Words between "no" and what there is none of: "No 2027 Marketplace application or enrollment". */
const NONE_OF = String.raw`(?:(?:marketplace|health|insurance|existing|active|current|application|applications|or|and|mercado|del|de|solicitud|o|y)\s+){0,4}(?:automatic\s+)?(?:re-?)?(?:enrol+ments?|coverage|plans?|applications?|inscripci[oó]n|reinscripci[oó]n(?: autom[aá]tica)?|cobertura|solicitud)\b`;
/**
 * The page says there is none for a plan year, in a sentence of its own ("No 2027 enrollment", "You don't
 * have 2027 Marketplace coverage yet", "Sin inscripción para 2027"). Not a question ("No 2027 plan?").
 */
const NOT_ENROLLED_FOR = [
  new RegExp(
    String.raw`^${HAS_NONE}\s+(?:(\d{4})\s+)?${NONE_OF}(?:[^.?]{0,40}?\b(?:for|in|para|en)\s+(?:(?:the |el )?(?:plan year|año)\s+)?(\d{4}))?(?![^.]*\?)`,
    'i',
  ),
  /^not (?:yet )?(?:re-?)?enrol+ed (?:for|in) (?:plan year )?(\d{4})\b/i,
  /^(\d{4}) (?:enrol+ment|coverage|plans?)\s*[:：–—-]?\s*(?:none|not enrolled|no enrol+ment)\b/i,
];
/**
 * A year as a label, its value in the next cell ("2027" | "Not enrolled", "2027 enrollment" | "None",
 * "2026" | "Enrolled · Silver Saver"): what the page says of that year.
 */
const YEAR_LABEL = /^(\d{4})(?:\s+(?:enrol+ment|coverage|plans?|inscripci[oó]n|cobertura))?\s*[:：]?$/i;
const NONE_VALUE = /^(?:none|no enrol+ment|no coverage|ningun[oa]|sin (?:inscripci[oó]n|cobertura))\.?$/i;

function yearIn(m: RegExpExecArray | null): number | undefined {
  const year = Number(m?.slice(1).find((g) => g !== undefined) ?? Number.NaN);
  return isPlanYear(year) ? year : undefined;
}

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
  const prose = doc.body ? pageBlocks(doc.body, { skipControls: true }) : blocks;
  return prose.some((b) => INVALID_ACTION.test(b) && !HEDGED.test(b));
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

/** An "AOR NPN" field: its digits, or "—" / "None" (no agent of record), or a placeholder (unknown). */
function parseAorNpn(text: string): { npn?: string; absent?: true } | undefined {
  const npn = parseNpnDigits(text);
  if (npn) return { npn };
  const aor = parseAor(text);
  return aor && !aor.name && !aor.referral ? aor : undefined;
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
  for (const { value, index } of found) {
    read.aorName ??= value.name;
    if (value.absent) read.aorAbsent = true;
    if (value.referral) read.aorReferral = true;
    const npn = value.npn ?? (value.referral ? undefined : npnAfter(blocks, index, stops));
    if (npn) npns.push(npn);
  }
  for (const { value } of npnOnly) {
    if (value.npn) npns.push(value.npn);
    else if (value.absent) read.aorAbsent = true;
  }
  read.aorNpn = npns[0];
  if (npns.length > 0) read.aorAbsent = undefined;
  return read;
}

/** A Resume Link shown on the page: a link, or a read-only field holding it for copying. */
function findResumeLink(doc: Document): string | undefined {
  const candidates = [
    ...Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href*="resume" i]'), (a) => a.href),
    ...Array.from(doc.querySelectorAll<HTMLInputElement>('input[value*="resume" i]'), (i) => i.value),
  ];
  return candidates.find((c) => c.length <= 2000 && /^https:\/\/[^\s/]+\/\S*$/i.test(c));
}

/** Every label the reader knows: what a page sample keeps of a page's words (lib/page-rules/sample.ts). */
export const ALL_LABELS = [
  ...APPLICATION_LABELS,
  ...AOR_NPN_LABELS,
  ...AOR_LABELS,
  ...PLAIN_AGENT_LABELS,
  ...NOT_AOR_LABELS,
  ...PLAN_YEAR_LABELS,
  ...CONSUMER_LABELS,
  ...STATE_LABELS,
  ...ADDRESS_LABELS,
  ...COVERAGE_LABELS,
  ...LEAD_STATUS_LABELS,
  ...OVERRIDE_LABELS,
  ...CONSENT_STATUS_LABELS,
];
/** Words worth a second look anywhere on the page, found in the same single pass. */
const NOTABLE =
  /no active coverage|^(?:[\p{L} ]{0,20}[:：]\s*)?(?:syncing|sync in progress|sincronizando)|active (?:marketplace |health )?coverage|cobertura activa|enrollee assistance|invalid\s?action|^\d{4}\s|re-?enrol|reinscri|\bnpn\b|^(?:no|not|sin|no hay|no tiene|you|they|we|there|the|this|usted|el)\b.{0,40}\b(?:enrol|inscri|coverage|cobertura|plans?\b|application|solicitud)/u;

/** How far past a label its value, or the agent's NPN, may sit (see findLabelled and npnAfter). */
const VALUE_REACH = 5;

/**
 * The page's blocks as a person reads them. Judging every element costs more than reading the page, so
 * only the blocks that can carry a fact are judged (labels, what follows them, the notable lines): words
 * no person can read are taken out of them (a block with none left is dropped), and the page is read
 * without them. What a person reads stays, wherever it sits (lib/sites/legibility.ts).
 */
export function pageBlocks(
  root: Element,
  options: { skipControls?: boolean } = {},
  seen: Seen = legibility(root),
): string[] {
  const sources: Element[][] = [];
  const pieces: string[][] = [];
  const blocks = textBlocks(root, { ...options, sources, pieces });
  const judged = new Set<number>();
  for (const i of labelCandidates(blocks, ALL_LABELS))
    for (let j = i; j <= i + VALUE_REACH && j < blocks.length; j++) judged.add(j);
  blocks.forEach((b, i) => {
    if (NOTABLE.test(b.toLowerCase())) judged.add(i);
  });
  let changed = false;
  const read: (string | null)[] = blocks.slice();
  for (const i of judged) {
    const from = sources[i] ?? [];
    if (from.every(seen)) continue;
    changed = true;
    // Only the words a person reads: a decoy inside a real line does not take the line with it.
    const words = (pieces[i] ?? []).filter((_, k) => from[k] && seen(from[k] as Element)).join('');
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

const COVERAGE_LABEL_TEXT = new RegExp(
  `^(?:${COVERAGE_LABELS.map((l) => l.label).join('|')})\\s*(?:[:：]|$)`,
  'i',
);
const POLICY_NAME_MAX = 80;

/**
 * Read as one policy with no dates: the year in the heading of the card that holds its coverage status
 * ("2026 Florida Application" over "Coverage status: Enrolled"). An application's own status is not the
 * coverage's. One year only.
 */
function statusCardYear(root: Element, seen: Seen): number | undefined {
  const years: number[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* text */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').trim();
    const label = node.parentElement;
    if (text.length >= 60 || !label || !COVERAGE_LABEL_TEXT.test(text) || /^application/i.test(text))
      continue;
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
    const blocks = pageBlocks(card, {}, seen);
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

const POLICY_COLUMN = /^(?:policy|plan|product|coverage|póliza|plan de salud)(?: name)?:\s*(.+)$/i;

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
  const unplacedNpns = unplaced(blocks, npns);
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
    invalidActionError: showsInvalidAction(notable, doc),
    overrideNpn: first(findLabelled(blocks, OVERRIDE_LABELS, parseOverride, candidates, stops)),
    enrolleeAssistance: notable.some((b) => /\benrollee assistance\b/i.test(b)) || referral,
    resumeLink: findResumeLink(doc),
    ...readConsent(blocks, doc.body, () => legibility(doc.body as Element)),
    ...(policies.length > 0 ? { policies } : {}),
    ...(unplacedNpns.length > 0 ? { unplacedNpns } : {}),
    ...(notable.some((b) => SYNCING.test(b.toLowerCase())) ? { syncing: true } : {}),
  };
}

/**
 * The page says in a sentence of its own that the consumer has no active coverage ("No active coverage",
 * "You don't have active Marketplace coverage", "Usted no tiene cobertura activa del Mercado"); not a
 * question, nor a condition ("If you don't have…" does not begin with these words), nor one year's
 * ("No active coverage for 2027": NOT_ENROLLED_FOR reads that).
 */
const NO_ACTIVE_COVERAGE = new RegExp(
  String.raw`^(?:${HAS_NONE}\s+(?:active (?:marketplace |health )?coverage|cobertura activa)|sin cobertura activa)\b(?![^.]*(?:\?|\b\d{4}\b))`,
  'i',
);

/**
 * Read as one policy with no dates: when the page says there is no enrollment for a year and names one
 * other year the consumer is enrolled for ("2027" | "Not enrolled", "2026" | "Enrolled"), the coverage
 * it shows can only be that other year's.
 */
function onlyOtherYear(years: { enrolled: number[]; notEnrolled: number[] }): number | undefined {
  return years.notEnrolled.length > 0 && years.enrolled.length === 1 ? years.enrolled[0] : undefined;
}

/**
 * A year heading the policy's section or its labels ("2026 Coverage", "2026 status", "2026 AOR",
 * "Cobertura 2026"): the plan year of a page read as one policy whose dates are not shown. One year only.
 */
const HEADED_YEAR =
  /^(?:(\d{4})\s+(?:coverage|plan|policy|status|aor|bor|agent|enrol+ment|cobertura|p[oó]liza|estado|agente)\b|(?:coverage|cobertura|p[oó]liza)\s+(\d{4})$)/i;
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
 * The NPNs a person reads on the page that the reader has not placed: not the agent of record's it read,
 * and not beside the words of another role (assistor, writing agent…). Whether one is the agent's own is
 * the verdict's to say (lib/risk/gate.ts).
 */
function unplaced(blocks: string[], aorNpns: string[]): { npn: string; label: string }[] {
  const placed = new Set(aorNpns.map(npnKey));
  const out = new Map<string, { npn: string; label: string }>();
  for (const { npn, label, role } of npnsOnPage(blocks)) {
    if (role === 'other' || placed.has(npnKey(npn)) || out.has(npnKey(npn))) continue;
    out.set(npnKey(npn), { npn, label });
  }
  return [...out.values()].slice(0, MAX_UNPLACED);
}
