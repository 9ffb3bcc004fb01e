import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  FEATURES,
  featureShown,
  managedStorageSchema,
  POLICY_KEYS,
  parsePolicy,
  policyKeyTable,
  policySnippets,
  withPolicy,
} from '../../../lib/policy/keys';

// Every key: a valid value is kept, an invalid one is ignored by itself, a missing one is absent.
const CASES: Record<string, { valid: unknown; invalid: unknown[] }> = {
  agencyName: { valid: 'Acme Agency', invalid: ['', 5, 'x'.repeat(201)] },
  overrideNpns: { valid: ['55555555'], invalid: [[], ['123-45-6789'], '55555555', ['1'.repeat(11)]] },
  platformSupportEmail: { valid: 'help@acme.com', invalid: ['not an email', 3] },
  ffmHelpDeskEmail: { valid: 'FFMProducer-AssisterHelpDesk@cms.hhs.gov', invalid: ['x@'] },
  resumeLinkExtraHosts: {
    valid: ['enroll.acme.com'],
    invalid: [['https://enroll.acme.com'], ['acme'], 'enroll.acme.com'],
  },
  messagingGatewayUrl: {
    valid: 'https://gw.acme.com/send',
    invalid: ['http://gw.acme.com', 'javascript:alert(1)', 'gw.acme.com'],
  },
  reportsEndpointUrl: { valid: 'https://r.acme.com/x', invalid: ['ftp://r.acme.com'] },
  hubUrl: { valid: 'https://hub.acme.com', invalid: ['http://hub.acme.com', 'hub.acme.com'] },
  hubEnrollmentCode: { valid: 'ACME-7Q4K-92XD', invalid: ['abc', 42, 'x'.repeat(201)] },
  hubAutoSync: { valid: true, invalid: ['true', 1] },
  textSendsPerNumberPer24h: { valid: 5, invalid: [0, 21, 2.5, '3'] },
  dataRetentionDays: { valid: 0, invalid: [-1, 4000, 'never'] },
  enabledSites: { valid: ['healthsherpa'], invalid: [['myspace'], 'healthsherpa'] },
  hiddenFeatures: { valid: ['at-risk'], invalid: [['everything']] },
  rclPlanYears: { valid: [2026, 2027], invalid: [[], [1999], ['2026']] },
  rclUrl: { valid: 'https://data.healthcare.gov/x.csv', invalid: ['http://data.healthcare.gov/x.csv'] },
  terminationListUrl: { valid: 'https://data.healthcare.gov/y.csv', invalid: ['not a url'] },
  // The Marketplace profile (lib/profile/marketplace.ts).
  profileMarketplaceRole: { valid: 'shop', invalid: ['agent', 1] },
  profileLicensedStates: {
    valid: '[{"state":"TX","healthLoa":true,"expires":"2028-06-30"}]',
    invalid: [
      '[{"state":"XX","healthLoa":true,"expires":"2028-06-30"}]',
      '[{"state":"TX","healthLoa":true,"expires":"06/30/2028"}]',
      'TX',
      [{ state: 'TX', healthLoa: true, expires: '2028-06-30' }],
    ],
  },
  profileLanguages: {
    valid: '[{"code":"es","speaking":"fluent","reading":"basic","writing":"basic"}]',
    invalid: [
      '[{"code":"klingon","speaking":"fluent","reading":"basic","writing":"basic"}]',
      '[{"code":"es"}]',
    ],
  },
  profileHelpDisplay: { valid: 'none', invalid: ['everything'] },
  profileContactHours: { valid: '9–5', invalid: ['x'.repeat(201), 9] },
  profileLockedFields: { valid: ['licenses'], invalid: [['npn'], 'licenses'] },
  helpOnDemandUrl: {
    valid: 'https://referrals.hod.example/referral/',
    invalid: ['http://referrals.hod.example/', 'referrals.hod.example', 42],
  },
  // Rules are checked one by one later (tests/unit/page-rules/agency.test.ts): the key wants a rules file.
  siteRules: {
    valid: '{"format":"aor-guard-page-rules","version":1,"rules":[{"id":"bad"}]}',
    invalid: [
      { format: 'aor-guard-page-rules', version: 1, rules: [] },
      'not json',
      '{"format":"aor-guard-page-rules","version":2,"rules":[]}',
      '[]',
    ],
  },
};

describe('policy keys', () => {
  it('every key has cases here', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(POLICY_KEYS).sort());
  });

  it.each(Object.entries(CASES))(
    '%s: valid kept, invalid ignored alone, missing absent',
    (key, { valid, invalid }) => {
      expect(parsePolicy({ [key]: valid }).policy).toEqual({ [key]: valid });
      // Another key, valid, beside the bad one: it must survive.
      const witness = key === 'dataRetentionDays' ? { agencyName: 'Still here' } : { dataRetentionDays: 30 };
      for (const bad of invalid) {
        const parsed = parsePolicy({ ...witness, [key]: bad });
        expect(parsed.ignored).toEqual([key]);
        expect(parsed.policy).toEqual(witness);
      }
      expect(parsePolicy({}).policy).not.toHaveProperty(key);
    },
  );

  it('a missing or malformed managed store is an empty policy, never a crash', () => {
    for (const raw of [undefined, null, 'x', 42])
      expect(parsePolicy(raw)).toEqual({ policy: {}, ignored: [], unknown: [] });
    expect(parsePolicy({ surprise: 1 }).unknown).toEqual(['surprise']);
  });
});

describe('precedence', () => {
  it('policy wins over the agent’s own setting and locks it', () => {
    expect(withPolicy('https://gw.acme.com', 'https://mine.example')).toEqual({
      value: 'https://gw.acme.com',
      locked: true,
    });
    expect(withPolicy(undefined, 'https://mine.example')).toEqual({
      value: 'https://mine.example',
      locked: false,
    });
  });
});

describe("Chrome's managed storage schema", () => {
  const schema = managedStorageSchema();
  const ALLOWED = new Set([
    'type',
    'title',
    'description',
    'properties',
    'items',
    'enum',
    'minimum',
    'maximum',
    'pattern',
  ]);
  const walk = (node: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(node)) {
      expect(ALLOWED.has(k), `unsupported keyword ${k}`).toBe(true);
      if (k === 'properties')
        for (const child of Object.values(v as object)) walk(child as Record<string, unknown>);
      if (k === 'items') walk(v as Record<string, unknown>);
    }
  };
  it('is an object at the top, with only keywords Chrome supports', () => {
    expect(schema.type).toBe('object');
    walk(schema);
  });
  it('public/managed_schema.json is the one lib/policy/keys.ts generates (npm run policy:generate)', () => {
    expect(JSON.parse(readFileSync('public/managed_schema.json', 'utf8'))).toEqual(schema);
  });
  it('docs/ADMIN.md has the generated key table and a snippet setting every key (npm run policy:generate)', () => {
    const admin = readFileSync('docs/ADMIN.md', 'utf8');
    expect(admin).toContain(policyKeyTable());
    expect(admin).toContain(policySnippets('<your-extension-id>', 'aor-guard@your-agency.example'));
    for (const key of Object.keys(POLICY_KEYS)) expect(admin.split(`"${key}"`).length).toBeGreaterThan(3);
  });
});

describe('hidden features', () => {
  it('hides what belongs to a hidden feature, and only that', () => {
    for (const feature of FEATURES) {
      const policy = { hiddenFeatures: [feature] };
      expect(featureShown(feature, policy)).toBe(false);
      expect(featureShown(undefined, policy)).toBe(true);
      for (const other of FEATURES.filter((f) => f !== feature))
        expect(featureShown(other, policy)).toBe(true);
      expect(featureShown(feature, {})).toBe(true);
    }
  });
});

describe('reading the managed store', () => {
  it('fakeBrowser: policy read key by key', async () => {
    const { readPolicy } = await import('../../../lib/policy/managed.background');
    await fakeBrowser.storage.managed.set({ agencyName: 'Acme', textSendsPerNumberPer24h: 'lots' });
    expect(await readPolicy()).toEqual({
      policy: { agencyName: 'Acme' },
      ignored: ['textSendsPerNumberPer24h'],
      unknown: [],
    });
  });
});
