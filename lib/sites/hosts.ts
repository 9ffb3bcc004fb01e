// Every enrollment site AOR Guard reads, and its hosts: the one list. Manifest matches, the policy's
// site list, the Resume Link allow-list, the at-risk link check, the sites named in messages and the
// test harness's host mapping all derive from it. Kept free of imports so wxt.config.ts and the
// harness can load it cheaply.

export interface SiteHosts {
  id: string;
  label: string;
  /** `subdomains`: the host itself and any subdomain of it. */
  hosts: { host: string; subdomains: boolean }[];
}

/** Keeps each id's literal type (for the policy's enum and the adapter table) and nothing else narrow. */
const site = <const Id extends string>(s: SiteHosts & { id: Id }) => s;

export const SITES = [
  site({
    id: 'healthsherpa',
    label: 'HealthSherpa',
    hosts: [{ host: 'healthsherpa.com', subdomains: true }],
  }),
  site({
    id: 'healthcare.gov',
    label: 'HealthCare.gov',
    hosts: [{ host: 'www.healthcare.gov', subdomains: false }],
  }),
  site({
    id: 'benefitalign',
    label: 'BenefitAlign',
    // Its agent portals also run on brokerengage.net (mme.brokerengage.net/mme/#/…).
    hosts: [
      { host: 'benefitalign.com', subdomains: true },
      { host: 'brokerengage.net', subdomains: true },
    ],
  }),
] as const;

export type SiteId = (typeof SITES)[number]['id'];
export const SITE_IDS = SITES.map((s) => s.id) as [SiteId, ...SiteId[]];

/** Whether `hostname` is `rule.host`, or a subdomain of it when the rule allows them. */
export function hostMatches(rule: { host: string; subdomains: boolean }, hostname: string): boolean {
  return hostname === rule.host || (rule.subdomains && hostname.endsWith(`.${rule.host}`));
}

export function siteForHost(hostname: string): (typeof SITES)[number] | undefined {
  const host = hostname.toLowerCase();
  return SITES.find((site) => site.hosts.some((rule) => hostMatches(rule, host)));
}

/** Where the content script runs (manifest match patterns; a pattern without a port matches any). */
export const ENROLLMENT_SITE_MATCHES: string[] = SITES.flatMap((site) =>
  site.hosts.map((h) => `https://${h.subdomains ? '*.' : ''}${h.host}/*`),
);

/** The sites' names for a sentence: "HealthSherpa, HealthCare.gov, BenefitAlign". */
export const SITE_LABELS = SITES.map((s) => s.label).join(', ');
