// The dashboard's sections, in the order of its navigation: the one list. The nav, the labels and the hash
// routing come from here, which sections the agency's policy hides from lib/dashboard/sections.ts
// (tests/entrypoints/dashboard/sections/DashboardSections.test.tsx checks the two name the same sections);
// the first is the default.

import { sectionShown } from '../../../lib/dashboard/sections';
import type { Policy } from '../../../lib/policy/keys';
import { agencySection } from './agency';
import { atRiskSection } from './at-risk';
import { callReportsSection } from './call-reports';
import { casesSection } from './cases';
import { consentSection } from './consent';
import { helpOnDemandSection } from './help-on-demand';
import { npnRegistrySection } from './npn-registry';
import { pageRulesSection } from './page-rules';
import { profileSection } from './profile';
import { referralsSection } from './referrals';
import { resumeLinkSection } from './resume-link';
import type { DashboardSectionDefinition } from './section';

export const DASHBOARD_SECTIONS: readonly DashboardSectionDefinition[] = [
  profileSection,
  helpOnDemandSection,
  callReportsSection,
  casesSection,
  consentSection,
  atRiskSection,
  resumeLinkSection,
  npnRegistrySection,
  referralsSection,
  pageRulesSection,
  agencySection,
];

/** The sections the agency's policy leaves on screen. */
export function shownSections(policy: Policy): DashboardSectionDefinition[] {
  return DASHBOARD_SECTIONS.filter((s) => sectionShown(s.id, policy));
}

/** The section a hash names, when it is shown; else the first shown, as for any unknown hash. */
export function sectionFor(id: string, policy: Policy): DashboardSectionDefinition {
  const shown = shownSections(policy);
  // The first section belongs to no feature, so it is always shown
  // (tests/entrypoints/dashboard/sections/DashboardSections.test.tsx).
  return shown.find((s) => s.id === id) ?? (shown[0] as DashboardSectionDefinition);
}
