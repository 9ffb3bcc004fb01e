// The dashboard's sections and the policy feature that hides each: the data under its registry
// (entrypoints/dashboard/sections/index.ts, the UI: order, labels, components), here so that the
// background can refuse a hidden section without loading the dashboard's Preact code.
import { type Feature, featureShown, type Policy } from '../policy/keys';

export const SECTION_FEATURES = {
  profile: undefined,
  // Help On Demand readiness (lib/profile/readiness.ts): the agent's own standing, no agency feature.
  'help-on-demand': undefined,
  'call-reports': 'call-reports',
  cases: undefined,
  'at-risk': 'at-risk',
  'resume-link': 'resume-links',
  'npn-registry': 'npn-registry',
  referrals: undefined,
  // Consent records (lib/consent): the banner opens it near a submission; no agency feature hides it.
  consent: undefined,
  // The agency's own rules show here too: hiding the section would hide why a page reads as it does.
  'page-rules': undefined,
  agency: undefined,
} as const satisfies Record<string, Feature | undefined>;

export type DashboardSectionId = keyof typeof SECTION_FEATURES;

export const DASHBOARD_SECTION_IDS = Object.keys(SECTION_FEATURES) as [
  DashboardSectionId,
  ...DashboardSectionId[],
];

/** Whether the agency's policy leaves the section on screen (and so lets anything open it). */
export function sectionShown(id: DashboardSectionId, policy: Policy): boolean {
  return featureShown(SECTION_FEATURES[id], policy);
}
