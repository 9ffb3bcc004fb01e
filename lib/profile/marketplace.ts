// The agent's Marketplace profile as the MLMS holds it (docs/DOMAIN.md, "Help On Demand, for agents"):
// role, licensed states, languages, the Find Local Help / Help On Demand display choice and contact
// hours. Kept beside the name and NPN (profile.ts) in its own setting (lib/storage/settings.ts).
import { isLanguage, LANGUAGE_LEVELS, type Language, type LanguageLevel } from '../shared/languages';
import { type Problem, problem } from '../shared/problem';
import { textUpTo, z } from '../shared/schema';
import { STATES } from '../shared/states';

export const MARKETPLACE_ROLES = ['individual', 'shop', 'both'] as const;
export type MarketplaceRole = (typeof MARKETPLACE_ROLES)[number];

/** The MLMS's Find Local Help / Help On Demand choices: how much contact information shows, and where. */
export const HELP_DISPLAYS = ['all-states', 'all-states-no-address', 'home-state', 'none'] as const;
export type HelpDisplay = (typeof HELP_DISPLAYS)[number];

export interface License {
  state: string;
  /** The license carries a health line of authority. */
  healthLoa: boolean;
  /** yyyy-mm-dd */
  expires: string;
}

export interface SpokenLanguage {
  code: Language;
  speaking: LanguageLevel;
  reading: LanguageLevel;
  writing: LanguageLevel;
}

export interface MarketplaceProfile {
  role: MarketplaceRole | null;
  licenses: License[];
  languages: SpokenLanguage[];
  helpDisplay: HelpDisplay | null;
  contactHours: string;
}

export const CONTACT_HOURS_MAX = 200;

const level = () => z.enum(LANGUAGE_LEVELS);
export const licenseSchema: z.ZodMiniType<License> = z.object({
  state: z.string().check(z.refine((s) => Object.hasOwn(STATES, s))),
  healthLoa: z.boolean(),
  expires: z.iso.date(),
});
export const spokenLanguageSchema: z.ZodMiniType<SpokenLanguage> = z.object({
  code: z.string().check(z.refine(isLanguage)) as z.ZodMiniType<Language>,
  speaking: level(),
  reading: level(),
  writing: level(),
});

/** The shape as stored: an expired license read back is still a license (it is what the dashboard warns of). */
export const marketplaceProfileSchema: z.ZodMiniType<MarketplaceProfile> = z.object({
  role: z.nullable(z.enum(MARKETPLACE_ROLES)),
  licenses: z.array(licenseSchema).check(z.maxLength(Object.keys(STATES).length)),
  languages: z.array(spokenLanguageSchema),
  helpDisplay: z.nullable(z.enum(HELP_DISPLAYS)),
  contactHours: textUpTo(CONTACT_HOURS_MAX),
});

export const emptyMarketplaceProfile = (): MarketplaceProfile => ({
  role: null,
  licenses: [],
  languages: [],
  helpDisplay: null,
  contactHours: '',
});

/** A day as yyyy-mm-dd in the agent's time zone. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A problem with the field it belongs to: `licenses.0.expires`, `languages.1.code`, `contactHours`. */
export interface FieldProblem {
  field: string;
  problem: Problem;
}

export type MarketplaceParse =
  | { ok: true; profile: MarketplaceProfile }
  | { ok: false; problems: FieldProblem[] };

/**
 * Checks what the agent entered before anything is saved: every problem at once, each worded for its
 * field (`errors.profile.*`). Fields the agency locks are not the agent's entry and are not checked.
 */
export function checkMarketplaceProfile(
  input: MarketplaceProfile,
  today: Date,
  locked: readonly ProfileField[] = [],
): MarketplaceParse {
  const problems: FieldProblem[] = [];
  const add = (field: string, code: string, ...params: (string | number)[]) =>
    problems.push({ field, problem: problem(`profile.${code}`, ...params) });
  const day = localDay(today);
  if (input.role !== null && !(MARKETPLACE_ROLES as readonly string[]).includes(input.role))
    add('role', 'role');
  if (input.helpDisplay !== null && !(HELP_DISPLAYS as readonly string[]).includes(input.helpDisplay))
    add('helpDisplay', 'helpDisplay');
  if (!locked.includes('licenses')) {
    const seen = new Set<string>();
    input.licenses.forEach((l, i) => {
      const state = l.state.trim().toUpperCase();
      if (!Object.hasOwn(STATES, state)) add(`licenses.${i}.state`, 'state', l.state.trim());
      else if (seen.has(state)) add(`licenses.${i}.state`, 'stateTwice', state);
      seen.add(state);
      if (!z.iso.date().safeParse(l.expires).success) add(`licenses.${i}.expires`, 'expiryDate', state);
      else if (l.expires < day) add(`licenses.${i}.expires`, 'expiryPast', state);
    });
  }
  if (!locked.includes('languages')) {
    const seen = new Set<string>();
    input.languages.forEach((l, i) => {
      if (!isLanguage(l.code)) add(`languages.${i}.code`, 'language', l.code);
      else if (seen.has(l.code)) add(`languages.${i}.code`, 'languageTwice', l.code);
      seen.add(l.code);
      for (const skill of ['speaking', 'reading', 'writing'] as const)
        if (!(LANGUAGE_LEVELS as readonly string[]).includes(l[skill]))
          add(`languages.${i}.${skill}`, 'level');
    });
  }
  if (input.contactHours.trim().length > CONTACT_HOURS_MAX)
    add('contactHours', 'hoursTooLong', CONTACT_HOURS_MAX);
  if (problems.length > 0) return { ok: false, problems };
  const profile: MarketplaceProfile = {
    ...input,
    licenses: input.licenses.map((l) => ({ ...l, state: l.state.trim().toUpperCase() })),
    contactHours: input.contactHours.trim(),
  };
  // The shape is checked once more, whole: nothing half-right is ever saved.
  const parsed = marketplaceProfileSchema.safeParse(profile);
  return parsed.success
    ? { ok: true, profile: parsed.data }
    : { ok: false, problems: [{ field: 'form', problem: problem('profile.unreadable') }] };
}

/** The fields an agency can preset or lock (policy key `profileLockedFields`). */
export const PROFILE_FIELDS = ['role', 'licenses', 'languages', 'helpDisplay', 'contactHours'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

function parseJsonList<T>(text: string, item: z.ZodMiniType<T>): T[] | undefined {
  try {
    const parsed = z.array(item).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The policy's licenses (a JSON list in a string, as siteRules is): undefined when it is not one. */
export const licensesFromPolicyText = (text: string) => parseJsonList(text, licenseSchema);
export const languagesFromPolicyText = (text: string) => parseJsonList(text, spokenLanguageSchema);

/** The agency policy keys that preset the profile (lib/policy/keys.ts declares them). */
export interface ProfilePolicy {
  profileMarketplaceRole?: MarketplaceRole;
  profileLicensedStates?: string;
  profileLanguages?: string;
  profileHelpDisplay?: HelpDisplay;
  profileContactHours?: string;
  profileLockedFields?: ProfileField[];
}

/** What the agency's policy sets, field by field. */
function policyValues(policy: ProfilePolicy): Partial<MarketplaceProfile> {
  const out: Partial<MarketplaceProfile> = {};
  if (policy.profileMarketplaceRole) out.role = policy.profileMarketplaceRole;
  const licenses = policy.profileLicensedStates && licensesFromPolicyText(policy.profileLicensedStates);
  if (licenses) out.licenses = licenses;
  const languages = policy.profileLanguages && languagesFromPolicyText(policy.profileLanguages);
  if (languages) out.languages = languages;
  if (policy.profileHelpDisplay) out.helpDisplay = policy.profileHelpDisplay;
  if (policy.profileContactHours !== undefined) out.contactHours = policy.profileContactHours;
  return out;
}

/**
 * The profile as it applies: the agent's own once saved, else the agency's preset; a field the agency
 * locks is the agency's whatever was saved. `locked` lists only fields the policy also sets.
 */
export function effectiveMarketplaceProfile(
  stored: MarketplaceProfile | null,
  policy: ProfilePolicy,
): { profile: MarketplaceProfile; locked: ProfileField[] } {
  const preset = policyValues(policy);
  const profile = stored ?? { ...emptyMarketplaceProfile(), ...preset };
  const locked = (policy.profileLockedFields ?? []).filter((f) => preset[f] !== undefined);
  const lockedValues = Object.fromEntries(locked.map((f) => [f, preset[f]]));
  return { profile: { ...profile, ...lockedValues }, locked };
}
