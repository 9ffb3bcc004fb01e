// The enrollment sites' words, in the order of docs/DOMAIN.md "Words on the pages": how a label meets its
// value, then the application, the agent of record, the plan year, the status, the error and the lead
// status, then the page's other words. Words, patterns and the small parsers that read a value's words;
// no DOM. The reader (labels.ts, facts.ts, npns.ts, consent.ts) turns the page into blocks of text and
// looks for these in them; tests/system/layers.test.ts keeps this file free of the DOM and of them.
// Labels come in English and in Spanish: HealthSherpa's interface runs in both.
import { isPlanYear } from '../shared/plan-year';
import { toStateCode } from '../shared/states';

// ── How a label meets its value ───────────────────────────────────────────────────────────────────────

export interface LabelSpec {
  /** Label words, as a regular expression source matched at the start of a block, case-insensitive. */
  label: string;
  /** Whether extra words may follow the label ("Agent of record on the active policy"). */
  trailingWords?: boolean;
  /**
   * Whether the value may follow the label in the same words without a colon ("Coverage year 2026").
   * Default true; off for short, common words that begin ordinary phrases ("Agent Support (888) …").
   */
  inline?: boolean;
}

/**
 * Words after a label ("on the active policy", "(Marketplace)"): letters only, so that the value itself
 * is never taken for trailing words ("FFM app ID 4567891230").
 */
export const TRAILING_WORDS = "[a-z ,'’()-]{0,40}";
/** Between a label and its value: a colon, "#", or a dash set apart ("Status – Applying", "ID - 123"). */
export const SEPARATOR = '(?:[:：#]|[–—]|\\s-(?=\\s|$))';
/** A year before a label names whose value it is ("2026 status", "2026 AOR"): the label still counts. */
export const YEAR_BEFORE = '(?:\\d{4}\\s+)?';
/**
 * "FFM app ID: 123 · Plan year: 2026 · Status: Active": one block per pair, as a person reads it; and a
 * sentence's end before the next ("… 2027 application. Coverage year: 2027."). A sentence ends after a word
 * of four lower-case letters at least, so that initials and abbreviations ("F. Last", "Blvd.") do not.
 */
export const PAIR_SEPARATOR = /\s+[·•|]\s+|;\s+|(?<=\p{Ll}{4}\.)\s+(?=\p{Lu})/u;

// ── Application ───────────────────────────────────────────────────────────────────────────────────────

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

// Digits are ASCII only; a lookalike digit (fullwidth, Arabic-Indic) right after them means the number is
// not what it seems, so it is not read at all rather than cut short ("8765４321" is not NPN 8765).
export function parseApplicationId(text: string): string | undefined {
  return /^[#\s]*(?:no\.?\s*)?(\d{5,20})(?!\p{Nd})/iu.exec(text)?.[1];
}

// ── Agent of record ───────────────────────────────────────────────────────────────────────────────────

/**
 * The agent of record in every wording the sites use: "Agent of record", "Broker of Record", "Agent/Broker
 * of record", "Agente/Corredor de registro". The writing agent is not among them (docs/DOMAIN.md).
 */
export const AOR_WORDS =
  '(?:agent|broker|agent\\s*/\\s*broker|agent or broker)\\s+of\\s+record|(?:agente|corredor|agente\\s*/\\s*corredor)\\s+de\\s+registro';

/**
 * People on the page who are not the agent of record (docs/DOMAIN.md): the assistor, the navigator, the
 * writing, original, submitting or signed-in agent, the agent helping with this application (HealthCare.gov's
 * "Agent or broker helping": who submits now), and the agency's own CRM lookup (AGENCY_LOOKUP).
 */
export const NOT_AOR_ROLE =
  '(?:assistor|assister|asistente|navigator|navegador|(?:writing|original|submitting|signed[- ]in|logged[- ]in) agent|(?:agent|broker|agent or broker) helping|signed in(?: as)?|agente (?:original|que envi[oó]|que escrib(?:e|i[oó])|de ventas|(?:o corredor )?que (?:ayuda|asiste))|agency crm)';

/**
 * What the reader puts before the label of a lookup field (BrokerEngage's CRM "AOR" autocomplete): it
 * holds the agency's own data, not CMS's agent of record (docs/DOMAIN.md), and NOT_AOR_ROLE names it.
 */
export const AGENCY_LOOKUP = 'Agency CRM';

export const AOR_LABELS: LabelSpec[] = [
  { label: `(?:${AOR_WORDS})`, trailingWords: true },
  // Tabs and list items begin with it ("AOR at risk", "AOR was changed"): only "AOR: …" or its own cell.
  { label: '(?:aor|bor)(?:\\s*\\([^)]{0,40}\\))?', inline: false },
];
/** Labels whose value is the agent of record's NPN alone ("AOR NPN" 87654321, "BOR NPN"). */
export const AOR_NPN_LABELS: LabelSpec[] = [
  // "Agent of Record NPN (FFM)": words after it say whose record, not another role.
  { label: `(?:aor|bor|${AOR_WORDS})\\s*\\(?\\s*npn\\s*\\)?`, trailingWords: true },
  { label: 'npn del (?:agente|corredor)(?: de registro)?' },
];
/** "Agent or broker on this application": the words say whose record the agent is on. */
const ON_THE_APPLICATION = '(?: (?:on|for) (?:this|the) (?:application|policy|enrollment))?';
const ON_THE_APPLICATION_ES = '(?: (?:en|de) (?:esta|la) (?:solicitud|póliza|inscripción))?';
/**
 * "Agent" alone is the AOR only on pages that name no agent of record otherwise: beside one, it is a
 * column of the enrollment history. It begins ordinary phrases ("Agent Support (888) 684-1373"): only
 * "Agent: …" or "Agent" with its value in the next element.
 */
export const PLAIN_AGENT_LABELS: LabelSpec[] = [
  // HealthCare.gov's "Agent or broker" and its Spanish "Agente o corredor", also "… on this application":
  // the agent the application carries (not "helping", NOT_AOR_ROLE).
  {
    label: `agent(?: or broker)?(?: name)?${ON_THE_APPLICATION}|agente(?: o corredor)?${ON_THE_APPLICATION_ES}`,
    inline: false,
  },
];
/** A line that ends in the word NPN, its value not yet given ("Maria Lopez · NPN", "Writing agent NPN:"). */
export const BARE_NPN_LABEL = /\b(?:npn|national producer number)\s*\)?\s*[:：#]?\s*$/i;
export const NPN_LABELS: LabelSpec[] = [{ label: 'npn' }, { label: 'national producer number' }];
/**
 * People on the page who are not the agent of record (docs/DOMAIN.md): their lines are never read as the
 * AOR, and a value search stops at them.
 */
const NOT_AOR_LABELS: LabelSpec[] = [{ label: NOT_AOR_ROLE, trailingWords: true }];
/** The agency's Override NPN: what the agent submits with, not an agent of record. */
export const OVERRIDE_LABELS: LabelSpec[] = [
  { label: '(?:agency )?override npn', trailingWords: true },
  { label: 'npn override' },
];

/**
 * Column headers of a table of people: the role column says what each person in a row is ("Role":
 * Writing agent, Agent of record, Assistor), beside their name and NPN.
 */
export const ROLE_HEADER = /^(?:role|agent role|relationship|type|rol|función|tipo)$/i;
export const NAME_HEADER = /^(?:name|agent|agent name|person|nombre|agente)$/i;
export const NPN_HEADER = /^(?:npn|national producer number)$/i;

/** What a blank cell or read-only field shows a person: nothing (EMPTY_AOR reads it as no agent of record). */
export const BLANK = '—';
/**
 * What an agent-of-record field shows when it has none: "no agent of record", never a reason to take the
 * next words on the page ("View Plan History") as the agent's name.
 */
const EMPTY_AOR =
  /^(?:[—–-]+|n\/?a|none|no agent(?: of record)?|not assigned|unassigned|no npn|ninguno|ninguna|no asignado|sin asignar|sin agente)\.?$/i;
/** "Not returned by the Marketplace", "Not available": the site cannot say, so unknown. */
const NOT_SHOWN = /^\s*(?:not (?:returned|available|shown|provided|reported)|unavailable|no disponible)\b/i;
/** HealthSherpa's Enrollee Assistance enrollments carry HealthSherpa's own NPN (docs/DOMAIN.md). */
const REFERRAL = /^healthsherpa referral\b/i;
export const ENROLLEE_ASSISTANCE = /\benrollee assistance\b/i;

/** Words that are labels, not names: a label in a name's place means the value is further on. */
const LABEL_WORDS =
  /^(name|npn|agent|aor|agent of record|status|national producer number|none|n\/a|not assigned|unknown|details|nombre|estado)$/i;
/** Placeholders where a value will be: not a value, and not a statement that there is none. */
const PLACEHOLDER = /^(?:[—–-]+|n\/?a|pending|pendiente|tbd|unknown|desconocido|null|undefined|\.{3}|…)$/i;
/** Words of a link or button: an action, never a person's name. */
const ACTION_WORDS =
  /^(?:view|show|see|edit|change|add|manage|open|learn|sync|update|download|print|hide|expand|collapse|ver|mostrar|editar|cambiar|agregar)\b/i;

const NPN_IN_TEXT =
  /\b(?:NPN|national producer number)\b\s*(?:#|no\.?|number)?\s*[:：]?\s*(\d{1,10})(?!\p{Nd})/iu;
const NAME_MAX = 120;

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

/** An "AOR NPN" field: its digits, or "—" / "None" (no agent of record), or a placeholder (unknown). */
export function parseAorNpn(text: string): { npn?: string; absent?: true } | undefined {
  const npn = parseNpnDigits(text);
  if (npn) return { npn };
  const aor = parseAor(text);
  return aor && !aor.name && !aor.referral ? aor : undefined;
}

export function parseOverride(text: string): string | undefined {
  if (/^(none|no override|do not override|not using override|—|-)$/i.test(text)) return '';
  return NPN_IN_TEXT.exec(text)?.[1] ?? /^\d{1,10}$/.exec(text)?.[0];
}

// ── Plan year ─────────────────────────────────────────────────────────────────────────────────────────

export const PLAN_YEAR_LABELS: LabelSpec[] = [
  { label: 'plan year' },
  { label: 'coverage year' },
  { label: 'año (?:del plan|de (?:la )?cobertura)' },
];
/**
 * When a policy's coverage starts or ends: the plan year it covers. Not stops for other values:
 * "Vigente" is HealthSherpa's Spanish "Effective" and also a status word.
 */
export const COVERAGE_DATE_LABELS: LabelSpec[] = [
  { label: '(?:coverage )?(?:effective|start|expiration|end)(?: date)?' },
  { label: 'expires' },
  // "Coverage: 01/01/2026 – 12/31/2026" (also a status label: only a date is read as a year here).
  { label: 'coverage(?: dates?| period)?' },
  { label: 'vigente|vencimiento|fecha de (?:vigencia|inicio|vencimiento)' },
  { label: 'fechas? de (?:la )?cobertura|per[ií]odo de (?:la )?cobertura' },
];

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

const MONTHS = [
  'jan|ene',
  'feb',
  'mar',
  'apr|abr',
  'may',
  'jun',
  'jul',
  'aug|ago',
  'sep|set',
  'oct',
  'nov',
  'dec|dic',
];
const MONTH_OF = new Map(MONTHS.flatMap((names, i) => names.split('|').map((n) => [n, i + 1] as const)));
const DATE_FORMS =
  /^(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\/(\d{1,2})\/(\d{4})|(\p{L}{3,})\.? (\d{1,2}),? (\d{4})|(\d{1,2}) (?:de )?(\p{L}{3,})\.? (?:de )?(\d{4}))$/u;

/**
 * A text that is one date, as a number that sorts as dates do (yyyymmdd): "Jun 18, 2026", "06/18/2026",
 * "2026-06-18", "18 jun. 2026", "18 de junio de 2026". Numbers read month first, as the US sites write
 * them, and day first when the first is past 12 ("31/12/2026").
 */
export function parseDate(text: string): number | undefined {
  if (text.length > 24 || !/\d{4}/.test(text)) return undefined;
  const m = DATE_FORMS.exec(text.toLowerCase());
  if (!m) return undefined;
  let [year, month, day] = [Number.NaN, Number.NaN, Number.NaN];
  if (m[1]) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if (m[6]) {
    const [a, b] = [Number(m[4]), Number(m[5])];
    [year, month, day] = a > 12 ? [Number(m[6]), b, a] : [Number(m[6]), a, b];
  } else if (m[9])
    [year, month, day] = [Number(m[9]), MONTH_OF.get(m[7]?.slice(0, 3) ?? '') ?? 0, Number(m[8])];
  else [year, month, day] = [Number(m[12]), MONTH_OF.get(m[11]?.slice(0, 3) ?? '') ?? 0, Number(m[10])];
  if (!isPlanYear(year) || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return year * 10_000 + month * 100 + day;
}

/** The plan year a pattern's first matched group holds, if it is one. */
export function yearIn(m: RegExpExecArray | null): number | undefined {
  const year = Number(m?.slice(1).find((g) => g !== undefined) ?? Number.NaN);
  return isPlanYear(year) ? year : undefined;
}

/**
 * "2027 Marketplace application", "2026 Florida Application": the plan year (and the state) beside the
 * application, when no label names them.
 */
// Matched on lowercased text, with the `u` flag alone: `\p{L}` under both `i` and `u` took the engine
// milliseconds to compile on every page (docs/PERFORMANCE.md). NOTABLE, SYNCING and parseDateYear too.
const BESIDE_APPLICATION =
  /^(\d{4})\s+(?:(\p{L}+(?: \p{L}+)?)\s+)??(?:marketplace\s+|health\s+(?:insurance|coverage)\s+)?application\b/u;

export function yearBesideApplication(text: string): number | undefined {
  const m = BESIDE_APPLICATION.exec(text.toLowerCase());
  return m?.[1] ? parsePlanYear(m[1]) : undefined;
}

export function stateBesideApplication(text: string): string | undefined {
  const name = BESIDE_APPLICATION.exec(text.toLowerCase())?.[2];
  return name ? toStateCode(name) : undefined;
}

/** "11/01/2026 – …": an enrollment history line begins with its date. */
const DATED = String.raw`(?:\d{1,2}/\d{1,2}/\d{4}\s*[–—-]\s*)?`;
/** The page says there is an enrollment for a plan year: an automatic re-enrollment, in either language. */
export const ENROLLED_FOR = new RegExp(
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
export const NOT_ENROLLED_FOR = [
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
export const YEAR_LABEL =
  /^(\d{4})(?:\s+(?:enrol+ment|coverage|plans?|inscripci[oó]n|cobertura))?\s*[:：]?$/i;
export const NONE_VALUE =
  /^(?:none|no enrol+ment|no coverage|ningun[oa]|sin (?:inscripci[oó]n|cobertura))\.?$/i;
/**
 * A year heading the policy's section or its labels ("2026 Coverage", "2026 status", "2026 AOR",
 * "Cobertura 2026"): the plan year of a page read as one policy whose dates are not shown.
 */
export const HEADED_YEAR =
  /^(?:(\d{4})\s+(?:coverage|plan|policy|status|aor|bor|agent|enrol+ment|cobertura|p[oó]liza|estado|agente)\b|(?:coverage|cobertura|p[oó]liza)\s+(\d{4})$)/i;

// ── Status ────────────────────────────────────────────────────────────────────────────────────────────

export const COVERAGE_LABELS: LabelSpec[] = [
  { label: '(?:coverage|policy|enrollment|enrolment|application|plan) status' },
  { label: 'status' },
  { label: 'coverage' },
  { label: 'estado(?: de (?:la )?(?:cobertura|póliza|inscripción))?' },
];
/** A text that is a coverage status label, alone or before its colon ("Coverage status:"). */
export const COVERAGE_LABEL_TEXT = new RegExp(
  `^(?:${COVERAGE_LABELS.map((l) => l.label).join('|')})\\s*(?:[:：]|$)`,
  'i',
);

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

/**
 * The page says in a sentence of its own that the consumer has no active coverage ("No active coverage",
 * "You don't have active Marketplace coverage", "Usted no tiene cobertura activa del Mercado"); not a
 * question, nor a condition ("If you don't have…" does not begin with these words), nor one year's
 * ("No active coverage for 2027": NOT_ENROLLED_FOR reads that).
 */
export const NO_ACTIVE_COVERAGE = new RegExp(
  String.raw`^(?:${HAS_NONE}\s+(?:active (?:marketplace |health )?coverage|cobertura activa)|sin cobertura activa)\b(?![^.]*(?:\?|\b\d{4}\b))`,
  'i',
);

/** A policies table's column naming each row's policy ("Policy", "Plan name"). */
export const POLICY_COLUMN = /^(?:policy|plan|product|coverage|póliza|plan de salud)(?: name)?:\s*(.+)$/i;

// ── The error ─────────────────────────────────────────────────────────────────────────────────────────

export const INVALID_ACTION = /\binvalid\s?action\b/i;
/**
 * Words that make a mention of the error a warning or help text, not the error itself: HealthSherpa warns
 * on a details page that a consumer is "at risk of generating CMS' Invalid Action error".
 */
export const HEDGED =
  /\b(?:at[- ]risk|risk of|may|might|could|would|if|avoid|prevent|learn|about|triggers)\b/i;

// ── Lead status ───────────────────────────────────────────────────────────────────────────────────────

export const LEAD_STATUS_LABELS: LabelSpec[] = [{ label: '(?:lead )?status' }];

export function parseLeadStatus(text: string): 'shopping' | 'applying' | 'confirming' | undefined {
  const m = /^(shopping|applying|confirming)\b/i.exec(text);
  return m?.[1] ? (m[1].toLowerCase() as 'shopping' | 'applying' | 'confirming') : undefined;
}

// ── The consumer ──────────────────────────────────────────────────────────────────────────────────────

export const CONSUMER_LABELS: LabelSpec[] = [
  { label: 'primary (?:applicant|contact)' },
  { label: '(?:client|consumer|applicant) name' },
  // Not "Client details" → "details", "Consumer Marketplace Call Center" → a name.
  { label: 'client', inline: false },
  { label: 'consumer', inline: false },
];
export const STATE_LABELS: LabelSpec[] = [{ label: "(?:consumer'?s? )?state(?: of residence)?" }];
export const ADDRESS_LABELS: LabelSpec[] = [{ label: '(?:home |mailing |residential )?address' }];

export function parseStateFromAddress(text: string): string | undefined {
  const m = /,\s*([A-Z]{2})\s+\d{5}(?:-\d{4})?\b/.exec(text);
  return m?.[1] ? toStateCode(m[1]) : undefined;
}

// ── Consent (docs/DOMAIN.md "Consent and the eligibility application review") ─────────────────────────

/** Labels of the client's consent status ("Consent status": Collected / Action required). */
export const CONSENT_STATUS_LABELS: LabelSpec[] = [
  { label: 'consent status' },
  { label: 'estado (?:del|de) consentimiento' },
];
/** Whether the page speaks of consent at all: the library is looked for only then. */
export const MENTIONS_CONSENT = /\b(?:consent|consentimiento)/i;
export const COLLECTED = /^(?:collected|recopilado|recogido|obtenido)\b/i;
export const ACTION_REQUIRED =
  /^(?:action required|acción requerida|se requiere (?:una )?acción|requiere acción)\b/i;
/** The Consent Library's columns. */
export const CONSENT_TYPE_HEADER = /^(?:consent type|type|tipo(?: de consentimiento)?)$/i;
export const CONSENT_STATUS_HEADER = /^(?:status|estado)$/i;
export const CONSENT_METHOD_HEADER = /^(?:method|consent method|método)$/i;
export const CONSENT_UPDATED_HEADER = /^(?:last updated|updated|última actualización|actualizado)$/i;
/** Its consent types: the consumer's consent, and the eligibility application review. */
export const INITIAL_CONSENT = /^(?:initial consent|consentimiento inicial)$/i;
export const ENROLLMENT_REVIEW = /^(?:enrollment review|revisión de (?:la )?inscripción)$/i;
/** Its statuses besides Collected. */
export const CONSENT_PENDING = /^(?:pending|pendiente)$/i;
export const CONSENT_REVOKED = /^(?:revoked|revocado|revocada)$/i;

// ── Directories ───────────────────────────────────────────────────────────────────────────────────────

/**
 * The heading of HealthCare.gov's Find Local Help directory ("Find Local Help", "Ayuda local"): agents and
 * brokers near the consumer, not the consumer's (lib/sites/directory.ts).
 */
export const LOCAL_HELP =
  /^(?:(?:find|get) )?local help(?: near (?:you|me))?$|^(?:(?:encuentre|busque|buscar|obtenga) )?ayuda local(?: cerca de usted)?$/i;

// ── The site's own state ──────────────────────────────────────────────────────────────────────────────

/**
 * The site's own sync or busy state ("Syncing with the Marketplace…", "EDE Sync: Syncing", "Sincronizando"):
 * what the page shows may change when it is done ("Sync Complete"). docs/DOMAIN.md: the AOR lags CMS
 * until the client syncs.
 */
export const SYNCING = /^(?:[\p{L} ]{0,20}[:：]\s*)?(?:syncing|sync in progress|sincronizando)\b/u;

// ── All of them ───────────────────────────────────────────────────────────────────────────────────────

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
export const NOTABLE =
  /no active coverage|^(?:[\p{L} ]{0,20}[:：]\s*)?(?:syncing|sync in progress|sincronizando)|active (?:marketplace |health )?coverage|cobertura activa|enrollee assistance|invalid\s?action|^\d{4}\s|re-?enrol|reinscri|\bnpn\b|^(?:no|not|sin|no hay|no tiene|you|they|we|there|the|this|usted|el)\b.{0,40}\b(?:enrol|inscri|coverage|cobertura|plans?\b|application|solicitud)/u;

/**
 * The sites' own words for sections, columns, tabs and statuses (docs/DOMAIN.md "Words on the pages"),
 * lower case: a page sample keeps a text that is one of these, whole (lib/page-rules/sample.ts).
 */
export const SITE_WORDS: readonly string[] = [
  // Sections, columns, tabs.
  'application',
  'applications',
  'plans',
  'plan',
  'carrier',
  'enrollment history',
  'consent records',
  'marketplace notices',
  'last synced',
  'last synced at',
  'effective',
  'expiration',
  'members',
  'subscriber id',
  'policy id',
  'client details',
  'application details',
  'details',
  'action',
  'error seen',
  'clients',
  'leads',
  'invalid action',
  'invalid action error',
  'resume link',
  'aor at risk',
  'at-risk aor',
  'my applications & coverage',
  // Statuses: coverage, leads, follow-ups, consent.
  'active',
  'effectuated',
  'enrolled',
  'pending effectuation',
  'pendingeffectuation',
  'cancelled',
  'canceled',
  'terminated',
  'expired',
  'inactive',
  'not enrolled',
  'no active coverage',
  'shopping',
  'applying',
  'confirming',
  'action required',
  'action recommended',
  '3-way call detected',
  'completed',
  'submission blocked',
  'collected',
  'pending',
  'revoked',
  'none',
  // Spanish.
  'estado',
  'vigente',
  'vencimiento',
  'miembros',
  'id de subscritor',
  'id de ffm',
  'activo',
  'activa',
  'cancelado',
  'cancelada',
  'terminado',
  'terminada',
];

/**
 * Stands in for a number a person sees but the reader refuses (formatting characters in it, or drawn in
 * another order than written): no digit, so no value is read from it, yet it counts as an NPN no one placed.
 */
export const REFUSED_NUMBER = '\uFFFD';
