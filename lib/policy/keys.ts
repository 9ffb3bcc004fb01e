// Managed (agency) policy: every key an agency can set, its schema, its default and its words for IT.
// From this one table come the Chrome managed-storage schema (public/managed_schema.json) and the key
// table in docs/ADMIN.md; tests/unit/policy/keys.test.ts fails when the three disagree.
import { siteRulesEnvelope } from '../page-rules/agency';
import {
  CONTACT_HOURS_MAX,
  HELP_DISPLAYS,
  type HelpDisplay,
  languagesFromPolicyText,
  licensesFromPolicyText,
  MARKETPLACE_ROLES,
  type MarketplaceRole,
  PROFILE_FIELDS,
  type ProfileField,
} from '../profile/marketplace';
import { DEFAULT_TEXT_LIMIT } from '../resume-links/link';
import { FFM_HELP_DESK_EMAIL, PLATFORM_SUPPORT_EMAIL } from '../shared/contacts';
import { LANGUAGES } from '../shared/languages';
import { planYear, z } from '../shared/schema';
import { SITE_IDS, type SiteId } from '../sites/hosts';

const https = () => z.url({ protocol: /^https$/, hostname: z.regexes.domain });
const email = () => z.email();
const npn = () => z.string().check(z.regex(/^\d{1,10}$/));
const hostname = () => z.string().check(z.regex(/^(?!-)[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+$/i));

export const FEATURES = ['resume-links', 'call-reports', 'npn-registry', 'at-risk'] as const;
export type Feature = (typeof FEATURES)[number];

type JsonType = 'string' | 'integer' | 'boolean' | 'array';

interface PolicyKey<T> {
  schema: z.ZodMiniType<T>;
  type: JsonType;
  items?: { type: 'string' | 'integer'; enum?: readonly string[] };
  default?: T;
  description: string;
  example: T;
}

const key = <T>(k: PolicyKey<T>) => k;

export const POLICY_KEYS = {
  agencyName: key({
    schema: z.string().check(z.minLength(1), z.maxLength(200)),
    type: 'string',
    description: 'The agency name shown in the dashboard and in messages to consumers.',
    example: 'Acme Insurance Agency',
  }),
  overrideNpns: key({
    schema: z.array(npn()).check(z.minLength(1), z.maxLength(20)),
    type: 'array',
    items: { type: 'string' },
    description: 'The agency Override NPN(s). With one, every agent submits with it and cannot change it.',
    example: ['55555555'],
  }),
  platformSupportEmail: key({
    schema: email(),
    type: 'string',
    default: PLATFORM_SUPPORT_EMAIL,
    description: "Where 'Email platform support' files call reports.",
    example: PLATFORM_SUPPORT_EMAIL,
  }),
  ffmHelpDeskEmail: key({
    schema: email(),
    type: 'string',
    default: FFM_HELP_DESK_EMAIL,
    description: "Where 'Email FFM help desk' files call reports.",
    example: FFM_HELP_DESK_EMAIL,
  }),
  resumeLinkExtraHosts: key({
    schema: z.array(hostname()).check(z.maxLength(50)),
    type: 'array',
    items: { type: 'string' },
    default: [],
    description: 'Host names, besides the enrollment sites, that Resume Links may point to (HTTPS only).',
    example: ['enroll.acme-agency.com'],
  }),
  messagingGatewayUrl: key({
    schema: https(),
    type: 'string',
    description: 'HTTPS endpoint the Resume Link form POSTs texts and emails to.',
    example: 'https://gateway.acme-agency.com/send',
  }),
  reportsEndpointUrl: key({
    schema: https(),
    type: 'string',
    description: "HTTPS endpoint 'Send to agency' POSTs call report bundles to.",
    example: 'https://reports.acme-agency.com/aor-guard',
  }),
  hubUrl: key({
    schema: https(),
    type: 'string',
    description:
      "The agency hub's HTTPS address. With hubEnrollmentCode, each extension enrols there once; Send to agency then posts to the hub.",
    example: 'https://hub.acme-agency.com',
  }),
  hubEnrollmentCode: key({
    schema: z.string().check(z.minLength(6), z.maxLength(200)),
    type: 'string',
    description:
      'An enrolment code from the hub (its admin pages, or npm run hub -- create-code); each extension uses it once to get its own device token.',
    example: 'ACME-7Q4K-92XD',
  }),
  hubAutoSync: key({
    schema: z.boolean(),
    type: 'boolean',
    default: false,
    description:
      'Sync call reports, Invalid Action cases, Resume Link sends (without contact details) and consent records (references, never documents) to the hub as they change.',
    example: true,
  }),
  textSendsPerNumberPer24h: key({
    schema: z.int().check(z.gte(1), z.lte(20)),
    type: 'integer',
    default: DEFAULT_TEXT_LIMIT,
    description: 'Resume Link texts allowed to one number in 24 hours.',
    example: 3,
  }),
  dataRetentionDays: key({
    schema: z.int().check(z.gte(0), z.lte(3650)),
    type: 'integer',
    default: 0,
    description: 'Delete resolved call reports older than this many days; 0 keeps them.',
    example: 365,
  }),
  enabledSites: key({
    schema: z.array(z.enum(SITE_IDS)),
    type: 'array',
    items: { type: 'string', enum: SITE_IDS },
    default: [...SITE_IDS],
    description: 'The enrollment sites the banner reads.',
    example: ['healthsherpa', 'healthcare.gov'],
  }),
  hiddenFeatures: key({
    schema: z.array(z.enum(FEATURES)),
    type: 'array',
    items: { type: 'string', enum: FEATURES },
    default: [],
    description:
      'Parts of AOR Guard to hide from agents: their dashboard sections (also by link), popup tabs, banner buttons, context menu item and shortcut.',
    example: ['at-risk'],
  }),
  rclPlanYears: key({
    schema: z.array(planYear()).check(z.minLength(1), z.maxLength(5)),
    type: 'array',
    items: { type: 'integer' },
    description: 'Plan years kept from the Registration Completion List (default: the current and the next).',
    example: [2026, 2027],
  }),
  rclUrl: key({
    schema: https(),
    type: 'string',
    description: 'Address of the Registration Completion List CSV.',
    example: 'https://data.healthcare.gov/api/views/xxxx/rows.csv',
  }),
  terminationListUrl: key({
    schema: https(),
    type: 'string',
    description: 'Address of the Suspension and Termination List CSV.',
    example: 'https://data.healthcare.gov/api/views/yyyy/rows.csv',
  }),
  // The agent's Marketplace profile (lib/profile/marketplace.ts): each key presets its field for an agent
  // who has not saved their own; profileLockedFields makes the agency's value the only one.
  profileMarketplaceRole: key<MarketplaceRole>({
    schema: z.enum(MARKETPLACE_ROLES),
    type: 'string',
    description: "The agent's Marketplace role: individual, shop or both.",
    example: 'individual',
  }),
  profileLicensedStates: key({
    schema: z.string().check(
      z.maxLength(20_000),
      z.refine((text) => licensesFromPolicyText(text) !== undefined),
    ),
    type: 'string',
    description:
      'Licensed states, as JSON text: a list of {"state": two-letter code, "healthLoa": true when the license has a health line of authority, "expires": "yyyy-mm-dd"}.',
    example: JSON.stringify([{ state: 'TX', healthLoa: true, expires: '2028-06-30' }]),
  }),
  profileLanguages: key({
    schema: z.string().check(
      z.maxLength(20_000),
      z.refine((text) => languagesFromPolicyText(text) !== undefined),
    ),
    type: 'string',
    description: `Languages spoken, as JSON text: a list of {"code": one of ${LANGUAGES.join(', ')} (ISO 639), "speaking", "reading", "writing": basic, intermediate or fluent}.`,
    example: JSON.stringify([{ code: 'es', speaking: 'fluent', reading: 'fluent', writing: 'intermediate' }]),
  }),
  profileHelpDisplay: key<HelpDisplay>({
    schema: z.enum(HELP_DISPLAYS),
    type: 'string',
    description:
      'What Find Local Help and Help On Demand show: all-states, all-states-no-address, home-state or none.',
    example: 'all-states-no-address',
  }),
  profileContactHours: key({
    schema: z.string().check(z.maxLength(CONTACT_HOURS_MAX)),
    type: 'string',
    description: 'Contact hours shown in the profile.',
    example: 'Mon–Fri 9am–6pm Central',
  }),
  profileLockedFields: key<ProfileField[]>({
    schema: z.array(z.enum(PROFILE_FIELDS)),
    type: 'array',
    items: { type: 'string', enum: PROFILE_FIELDS },
    default: [],
    description:
      "Profile fields the agent cannot change: the agency's value of each (the keys above) applies.",
    example: ['licenses'],
  }),
  helpOnDemandUrl: key({
    schema: https(),
    type: 'string',
    description:
      'Address where Help On Demand referral pages open (HTTPS; pages under it count). When set, an agent can let AOR Guard start the 15-minute referral timer as such a page opens.',
    example: 'https://referrals.helpondemand.example/referral/',
  }),
  // A string, not an object: Chrome's managed schema, the Windows registry, macOS profiles and Firefox's
  // policies.json all carry a string the same way. Each rule is checked on its own (lib/page-rules/agency.ts).
  siteRules: key({
    schema: z.string().check(
      z.maxLength(500_000),
      z.refine((text) => siteRulesEnvelope(text) !== undefined),
    ),
    type: 'string',
    description:
      "Page rules for every agent, shown as 'Set by your agency': the text of a file exported from the dashboard's Page rules section (format aor-guard-page-rules, version 1). Each rule is checked alone; invalid ones are listed in that section.",
    example: JSON.stringify({
      format: 'aor-guard-page-rules',
      version: 1,
      rules: [
        {
          id: 'acme-hs-aor-npn',
          name: 'AOR NPN on HealthSherpa client pages',
          site: 'healthsherpa',
          path: '/agents/*/clients/*',
          fact: 'aorNpn',
          anchor: 'Agent of record NPN',
          offset: 1,
          occurrence: 0,
          createdAt: '2026-12-01T09:00:00.000Z',
        },
      ],
    }),
  }),
} as const;

export type PolicyKeyName = keyof typeof POLICY_KEYS;
export type Policy = {
  [K in PolicyKeyName]?: (typeof POLICY_KEYS)[K] extends PolicyKey<infer T> ? T : never;
};

export interface ParsedPolicy {
  policy: Policy;
  /** Keys present but invalid: ignored one by one, never a crash. */
  ignored: PolicyKeyName[];
  /** Keys not known to this version. */
  unknown: string[];
}

/** Reads what the browser's managed storage holds, key by key. */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const out: ParsedPolicy = { policy: {}, ignored: [], unknown: [] };
  if (!raw || typeof raw !== 'object') return out;
  for (const [name, value] of Object.entries(raw)) {
    const spec = POLICY_KEYS[name as PolicyKeyName] as PolicyKey<unknown> | undefined;
    if (!spec) {
      out.unknown.push(name);
      continue;
    }
    const parsed = spec.schema.safeParse(value);
    if (parsed.success) (out.policy as Record<string, unknown>)[name] = parsed.data;
    else out.ignored.push(name as PolicyKeyName);
  }
  return out;
}

/** The policy value when the agency set one, else the agent's own setting. */
export function withPolicy<T>(policyValue: T | undefined, own: T): { value: T; locked: boolean } {
  return policyValue === undefined ? { value: own, locked: false } : { value: policyValue, locked: true };
}

/** Chrome's managed_schema: JSON Schema as Chrome reads it (object at top; no unsupported keywords). */
export function managedStorageSchema() {
  const properties: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(POLICY_KEYS) as [string, PolicyKey<unknown>][]) {
    properties[name] = {
      title: name,
      description: spec.description,
      type: spec.type,
      ...(spec.items
        ? { items: { type: spec.items.type, ...(spec.items.enum ? { enum: [...spec.items.enum] } : {}) } }
        : {}),
    };
  }
  return { type: 'object', properties };
}

/** The key table for docs/ADMIN.md. */
export function policyKeyTable(): string {
  const rows = (Object.entries(POLICY_KEYS) as [string, PolicyKey<unknown>][]).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.type}${spec.items ? ` of ${spec.items.type}` : ''} | ${spec.default === undefined ? '—' : `\`${JSON.stringify(spec.default)}\``} | ${spec.description} | \`${JSON.stringify(spec.example)}\` |`,
  );
  return [
    '| key | type | default | what it does | example |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** Every key with its example value, as one policy object. */
function examplePolicy(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(POLICY_KEYS).map(([name, spec]) => [name, spec.example]));
}

function regValue(name: string, value: unknown): string {
  if (typeof value === 'number') return `"${name}"=dword:${value.toString(16).padStart(8, '0')}`;
  // Chrome reads a boolean policy written as a DWORD: 1 is true.
  if (typeof value === 'boolean') return `"${name}"=dword:0000000${value ? 1 : 0}`;
  // Lists and strings: Chrome reads a JSON string for a list policy written as REG_SZ.
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `"${name}"="${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function plistValue(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    return `${indent}<array>\n${value.map((v) => plistValue(v, `${indent}  `)).join('\n')}\n${indent}</array>`;
  }
  if (typeof value === 'number') return `${indent}<integer>${value}</integer>`;
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  return `${indent}<string>${String(value)}</string>`;
}

/** Per-OS snippets that set every managed key (example values) for the extension with this id. */
export function policySnippets(extensionId: string, geckoId: string): string {
  const example = examplePolicy();
  const json = (v: unknown) => JSON.stringify(v, null, 2);
  const reg = Object.entries(example).map(([k, v]) => regValue(k, v));
  const plist = Object.entries(example)
    .map(([k, v]) => `  <key>${k}</key>\n${plistValue(v, '  ')}`)
    .join('\n');
  return [
    '### Linux (Chromium `/etc/chromium/policies/managed/aor-guard.json`, Chrome `/etc/opt/chrome/policies/managed/aor-guard.json`)',
    '```json',
    json({ '3rdparty': { extensions: { [extensionId]: example } } }),
    '```',
    '### Windows (registry; ADMX/GPO and Intune OMA-URI write the same keys)',
    '```reg',
    'Windows Registry Editor Version 5.00',
    '',
    `[HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${extensionId}\\policy]`,
    ...reg,
    '```',
    'For Edge use `HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\…\\policy`.',
    `Intune (custom OMA-URI, string): \`./Device/Vendor/MSFT/Policy/Config/Chrome~Policy~googlechrome/3rdparty/extensions/${extensionId}/policy/<key>\`.`,
    '### macOS (configuration profile payload for the domain `com.google.Chrome.extensions.' +
      extensionId +
      '`)',
    '```xml',
    '<dict>',
    plist,
    '</dict>',
    '```',
    "### Firefox (`policies.json` in the installation's `distribution/` folder, or `/etc/firefox/policies/policies.json` on Linux)",
    '```json',
    json({ policies: { '3rdparty': { Extensions: { [geckoId]: example } } } }),
    '```',
  ].join('\n');
}

/**
 * Whether a part of the dashboard or popup that belongs to this feature is shown under the agency's
 * policy; a part with no feature always is. Each dashboard section and popup tab names its feature
 * (entrypoints/dashboard/sections/index.ts, entrypoints/popup/tabs.tsx).
 */
export function featureShown(feature: Feature | undefined, policy: Policy): boolean {
  return feature === undefined || !(policy.hiddenFeatures ?? []).includes(feature);
}

/** Whether the banner reads this site under the agency's policy: every site unless `enabledSites` names others. */
export function siteEnabled(site: SiteId, policy: Policy): boolean {
  return policy.enabledSites?.includes(site) ?? true;
}
