// What in a report's free text looks like consumer data, which the FFM Agent/Broker Help Desk does not
// accept (docs/DOMAIN.md, "Consent, application review, and what the help desk accepts"). Each finding is
// shown to the person where it is, with its own redaction; nothing is removed or refused without them.
// English and Spanish: agents write summaries in either.

import {
  FFM_HELP_DESK_EMAIL,
  MARKETPLACE_CALL_CENTER_AGENT_LINE,
  PLATFORM_SUPPORT_EMAIL,
} from '../shared/contacts';
import { checkUsPhone, findPhonesInText } from '../shared/phone';
import type { CallReport } from './report';

export const PII_KINDS = [
  'ssn',
  'member-id',
  'date-of-birth',
  'email',
  'phone',
  'street-address',
  'name',
  'health',
] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export interface PiiFinding {
  kind: PiiKind;
  /** Offsets in the text checked: text.slice(start, end) === text. */
  start: number;
  end: number;
  text: string;
}

export interface PiiContext {
  /** The number of the person who placed the call: the report carries it, it is not the consumer's. */
  callerPhone?: string;
  /** The consumer's name when the page gave it: it and the names beside it are what to look for. */
  consumerName?: string;
  /** Numbers the help desk takes (the application ID, NPNs): never flagged. */
  allowedNumbers?: string[];
  /** Today, for telling a date of birth from the date of a call. */
  now?: Date;
}

/** What a redaction leaves in the text; in English, as the report is filed in English. */
export const REDACTED: Record<PiiKind, string> = {
  ssn: '[SSN removed]',
  'member-id': '[member ID removed]',
  'date-of-birth': '[date of birth removed]',
  email: '[email removed]',
  phone: '[phone removed]',
  'street-address': '[address removed]',
  name: '[name removed]',
  health: '[health detail removed]',
};

// Not inside a longer word or number.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const words = (list: string[]) => list.join('|');

const MONTHS_EN =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const MONTHS_ES = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre';
/** A written date; the year is the last group of digits in it. */
const DATE = [
  '\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})',
  '\\d{4}-\\d{2}-\\d{2}',
  `(?:${MONTHS_EN})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
  `\\d{1,2}\\s+(?:de\\s+)?(?:${MONTHS_EN}|${MONTHS_ES})\\.?,?\\s+(?:de\\s+|del\\s+)?\\d{4}`,
].join('|');

const SSN_WORDS = words([
  'SSN',
  'SS#',
  'social security(?:\\s+(?:number|no\\.?|#))?',
  'ITIN',
  '(?:n[úu]mero\\s+de(?:l)?\\s+)?seguro\\s+social',
]);
const DOB_WORDS = words([
  'DOB',
  'D\\.O\\.B\\.?',
  'date\\s+of\\s+birth',
  'birth\\s?date',
  'birthday',
  'born(?:\\s+on)?',
  'fecha\\s+de\\s+nacimiento',
  'F\\.?\\s?N\\.',
  'naci[óo]',
  'nacid[oa]',
  'cumpleaños',
]);
const MEMBER_WORDS = words([
  'member\\s*(?:ID|#|number|no\\.?)',
  'subscriber\\s*(?:ID|#|number|no\\.?)',
  'policy\\s*(?:ID|#|number|no\\.?)',
  'Medicaid\\s*(?:ID|#|number|card(?:\\s+number)?)',
  'Medicare\\s*(?:ID|#|number|card(?:\\s+number)?)',
  'MBI',
  'insurance\\s+(?:ID|card)(?:\\s+number)?',
  'ID\\s+(?:de(?:l)?\\s+)?(?:miembro|afiliad[oa]|asegurad[oa]|suscriptor)',
  'n[úu]mero\\s+de(?:l)?\\s+(?:miembro|afiliad[oa]|asegurad[oa]|p[óo]liza|suscriptor|Medicaid|Medicare)',
  'tarjeta\\s+de\\s+(?:seguro|Medicaid|Medicare)',
]);
/** Words that put a person's name after them: the consumer and their household, not the representative. */
const ROLE_WORDS = words([
  'consumer',
  'client',
  'customer',
  'applicant',
  'enrollee',
  'policyholder',
  'spouse',
  'wife',
  'husband',
  'partner',
  'son',
  'daughter',
  'child',
  'dependent',
  'mother',
  'mom',
  'father',
  'dad',
  'brother',
  'sister',
  'Mr\\.?',
  'Mrs\\.?',
  'Ms\\.?',
  'Miss',
  'named',
  'name\\s+(?:is|was)',
  'consumidor[a]?',
  'cliente',
  'solicitante',
  'asegurad[oa]',
  'afiliad[oa]',
  'espos[oa]',
  'pareja',
  'hij[oa]',
  'niñ[oa]',
  'dependiente',
  'madre',
  'mam[áa]',
  'padre',
  'pap[áa]',
  'herman[oa]',
  'Sra?\\.?',
  'Srta\\.?',
  'Doña',
  'Don',
  'llamad[oa]',
  'se\\s+llama',
  'nombre\\s+(?:es|era)',
  'de\\s+nombre',
]);
/** Capitalised words after a role word that are not names. */
const NOT_NAMES = new Set(
  'The This That These He She They It His Her Their I We You And Or But On In At To For With From Said Says El La Los Las Ella Él Ellos Su Sus Y O Pero En Con Para Dijo Marketplace Call Center CMS NPN AOR FFM ID HealthSherpa HealthCare Representative Agent Rep Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(
    ' ',
  ),
);
const NAME = "[\\p{Lu}][\\p{Ll}'’-]+(?:\\s+[\\p{Lu}][\\p{Ll}'’-]+){0,2}";

const HEALTH_WORDS = words([
  'diabet(?:es|ic)',
  'diab[ée]tic[oa]',
  'c[áa]ncer',
  'chemo(?:therapy)?',
  'quimio(?:terapia)?',
  'tumou?r',
  'pregnan(?:t|cy)',
  'embarazada',
  'embarazo',
  'HIV',
  'AIDS',
  'VIH',
  'SIDA',
  'hepatitis',
  'dialysis',
  'di[áa]lisis',
  'insulin[a]?',
  'depression',
  'depresi[óo]n',
  'anxiety',
  'ansiedad',
  'bipolar',
  'schizophrenia',
  'esquizofrenia',
  'dementia',
  'demencia',
  "alzheimer(?:'s)?",
  'autism',
  'autismo',
  'asthma',
  'asma',
  'COPD',
  'EPOC',
  'hypertension',
  'hipertensi[óo]n',
  'heart\\s+(?:attack|disease|failure)',
  'infarto',
  'ataque\\s+al\\s+coraz[óo]n',
  'stroke',
  'derrame\\s+cerebral',
  'surgery',
  'cirug[íi]a',
  'diagnos(?:is|ed)',
  'diagn[óo]stic(?:o|ad[oa])',
  'prescriptions?',
  'recetas?\\s+m[ée]dicas?',
  'medications?',
  'medicamentos?',
  'hospitali[sz](?:ed|ation)',
  'hospitalizad[oa]',
  'disabilit(?:y|ies)',
  'disabled',
  'discapacidad(?:es)?',
  'discapacitad[oa]',
  'mental\\s+health',
  'salud\\s+mental',
  'rehab(?:ilitation)?',
  'rehabilitaci[óo]n',
  'substance\\s+(?:use|abuse)',
  'adicci[óo]n',
  'overdose',
  'sobredosis',
  'opioids?',
  'transplant',
  'trasplante',
  'miscarriage',
  'aborto',
  'abortion',
  'seizures?',
  'convulsiones',
  'epilep(?:sy|sia)',
]);

// Each pattern is compiled once: a table of reports checks every summary it shows.
const compiled = new Map<string, RegExp>();
function re(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let r = compiled.get(key);
  if (!r) {
    r = new RegExp(source, flags);
    compiled.set(key, r);
  }
  r.lastIndex = 0;
  return r;
}

/** Just after a keyword (a few filler words on), the first value of the given shape. */
function afterKeyword(
  text: string,
  keyword: string,
  value: string,
  kind: PiiKind,
  out: PiiFinding[],
  reach = 40,
): void {
  const keys = re(`${B}(?:${keyword})(?![\\p{L}])`, 'giu');
  for (const k of text.matchAll(keys)) {
    const from = k.index + k[0].length;
    const window = text.slice(from, from + reach);
    const v = re(`${B}(?:${value})${E}`, 'u').exec(window);
    if (v) out.push({ kind, start: from + v.index, end: from + v.index + v[0].length, text: v[0] });
  }
}

const digits = (s: string) => s.replace(/\D/g, '').replace(/^0+/, '');

/** The year a written date names (two digits: the most recent such year not ahead of today). */
function yearOf(date: string, now: Date): number {
  const last = /(\d+)\D*$/.exec(date)?.[1] ?? '';
  if (last.length === 4) return Number(last);
  const y = Number(last.slice(-2));
  const century = Math.floor(now.getFullYear() / 100) * 100;
  return century + y > now.getFullYear() ? century - 100 + y : century + y;
}

/** A date this many years back or more is a person's birth date, not the call's or the policy's. */
const BIRTH_YEARS_BACK = 14;

/** Everything in `text` that looks like consumer data, in order, none overlapping. */
export function findConsumerData(text: string, ctx: PiiContext = {}): PiiFinding[] {
  const now = ctx.now ?? new Date();
  const found: PiiFinding[] = [];
  const push = (kind: PiiKind, m: RegExpMatchArray) =>
    found.push({ kind, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] });

  // SSNs: written as one (123-45-6789), or digits after the words (including the last four).
  for (const m of text.matchAll(/(?<!\d)\d{3}[- ]\d{2}[- ]\d{4}(?!\d)/g)) push('ssn', m);
  afterKeyword(text, SSN_WORDS, '\\d(?:[\\d -]{2,9})\\d', 'ssn', found);

  // Member, policy, Medicaid and Medicare numbers: after their words, and a Medicare MBI's own shape.
  afterKeyword(
    text,
    MEMBER_WORDS,
    '(?=[\\p{L}\\p{N}-]*\\d)[\\p{L}\\p{N}][\\p{L}\\p{N}-]{3,19}',
    'member-id',
    found,
  );
  const mbiLetter = '[AC-HJKMNP-RT-Y]';
  const mbi = `[1-9]${mbiLetter}[${mbiLetter.slice(1, -1)}0-9]\\d-?${mbiLetter}[${mbiLetter.slice(1, -1)}0-9]\\d-?${mbiLetter}{2}\\d{2}`;
  for (const m of text.matchAll(re(`${B}${mbi}${E}`, 'gu'))) push('member-id', m);

  // Dates of birth: after their words, or any date far enough back.
  afterKeyword(text, DOB_WORDS, DATE, 'date-of-birth', found);
  for (const m of text.matchAll(re(`${B}(?:${DATE})${E}`, 'giu')))
    if (yearOf(m[0], now) <= now.getFullYear() - BIRTH_YEARS_BACK) push('date-of-birth', m);

  // Emails, but the help desk's and the platform's own.
  const ours = new Set([FFM_HELP_DESK_EMAIL, PLATFORM_SUPPORT_EMAIL].map((e) => e.toLowerCase()));
  for (const m of text.matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu))
    if (!ours.has(m[0].toLowerCase())) push('email', m);

  // Phones, but the caller's own and the call center's.
  const caller = ctx.callerPhone ? checkUsPhone(ctx.callerPhone) : undefined;
  const known = new Set(
    [checkUsPhone(MARKETPLACE_CALL_CENTER_AGENT_LINE)].flatMap((c) => (c.ok ? [c.e164] : [])),
  );
  if (caller?.ok) known.add(caller.e164);
  const idBefore =
    /(?:application|app|ID|NPN|confirmation|ticket|case|reference|solicitud|aplicaci[óo]n|caso|referencia|confirmaci[óo]n)\s*(?:number|no\.?|n[úu]mero|n[úu]m\.?)?\s*(?:is|es|was|era)?\s*[:#]?\s*$/iu;
  for (const p of findPhonesInText(text))
    if (!known.has(p.e164) && !idBefore.test(text.slice(Math.max(0, p.start - 30), p.start)))
      found.push({ kind: 'phone', start: p.start, end: p.end, text: text.slice(p.start, p.end) });

  // Street addresses: number, capitalised name, street word (EN); street word, name, number (ES); PO boxes.
  const SUFFIX =
    'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl|Square|Sq|street|avenue|road|drive|lane|boulevard';
  const unit = '(?:,?\\s*(?:Apt|Apartment|Unit|Suite|Ste|Apto|#)\\.?\\s*[\\p{L}\\p{N}-]+)?';
  const addresses = [
    `${B}\\d{1,6}(?:-\\d{1,4})?\\s+(?:[NSEW]\\.?\\s+)?(?:[\\p{Lu}\\p{N}][\\p{L}\\p{N}'.-]*\\s+){1,4}?(?:${SUFFIX})\\.?${E}${unit}`,
    `${B}\\d{1,6}\\s+(?:Calle|Avenida|Ave\\.?|Camino|Carretera)\\s+[\\p{Lu}\\p{N}][\\p{L}'.-]*(?:\\s+[\\p{Lu}][\\p{L}'.-]+){0,3}${unit}`,
    `${B}(?:[Cc]alle|C/|[Aa]venida|Avda\\.?|Av\\.|[Cc]amino|[Cc]arretera|[Pp]aseo|[Bb]ulevar)\\s+(?:[\\p{Lu}\\p{N}][\\p{L}\\p{N}'.-]*\\s+){1,4}?(?:#\\s?|No\\.?\\s?|n[úu]m\\.?\\s?|n[úu]mero\\s)?\\d{1,6}${E}${unit}`,
    `${B}P\\.?\\s?O\\.?\\s+Box\\s+\\d+${E}`,
    `${B}[Aa]partado(?:\\s+[Pp]ostal)?\\s+\\d+${E}`,
  ];
  for (const a of addresses) for (const m of text.matchAll(re(a, 'gu'))) push('street-address', m);

  // Names: the consumer's own wherever it is, and a name after a word for the consumer or their family.
  for (const part of (ctx.consumerName ?? '').split(/[\s,]+/).filter((p) => p.length > 1)) {
    const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const m of text.matchAll(new RegExp(`${B}${escaped}${E}`, 'giu'))) push('name', m);
  }
  const nameAfter = re(`^(?:'s)?[\\s,:]*(?:(?:is|es|was|era)\\s+)?(${NAME})`, 'u');
  for (const k of text.matchAll(re(`${B}(?:${ROLE_WORDS})(?![\\p{L}])`, 'giu'))) {
    const from = k.index + k[0].length;
    const m = nameAfter.exec(text.slice(from, from + 80));
    const name = m?.[1];
    if (!m || !name) continue;
    // Drop trailing words that are not names ("Maria And" → "Maria").
    const parts = name.split(/\s+/);
    const stop = parts.findIndex((p) => NOT_NAMES.has(p));
    const first = (stop < 0 ? parts : parts.slice(0, stop)).join(' ');
    if (!first) continue;
    const start = from + m[0].length - name.length;
    found.push({ kind: 'name', start, end: start + first.length, text: first });
  }

  for (const m of text.matchAll(re(`${B}(?:${HEALTH_WORDS})${E}`, 'giu'))) push('health', m);

  const allowed = new Set((ctx.allowedNumbers ?? []).map(digits).filter(Boolean));
  const kept: PiiFinding[] = [];
  for (const f of found
    .filter((f) => !(f.kind !== 'date-of-birth' && allowed.has(digits(f.text))))
    .sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = kept.at(-1);
    if (!last || f.start >= last.end) kept.push(f);
  }
  return kept;
}

/** The text with one finding replaced by its placeholder; unchanged when the finding is no longer there. */
export function redactFinding(text: string, f: PiiFinding): string {
  const at = text.slice(f.start, f.end) === f.text ? f.start : text.indexOf(f.text);
  if (at < 0) return text;
  return text.slice(0, at) + REDACTED[f.kind] + text.slice(at + f.text.length);
}

/** The text with every finding replaced, the last first so the earlier offsets still hold. */
export function redactAll(text: string, findings: PiiFinding[]): string {
  return [...findings].sort((a, b) => b.start - a.start).reduce(redactFinding, text);
}

/** A saved report's summary, checked as the form checked it: its caller's phone and its numbers allowed. */
export function reportConsumerData(r: CallReport, now = new Date()): PiiFinding[] {
  return findConsumerData(r.summary, {
    callerPhone: r.phone,
    allowedNumbers: [r.applicationId, r.reporterNpn ?? ''],
    now,
  });
}
