import { PolicyPanel } from '../../../../components/policy/PolicyPanel';
import { AgencyHub } from '../../../../containers/AgencyHub';
import type { DashboardSectionDefinition, SectionProps } from '../section';

export const agencySection: DashboardSectionDefinition = {
  id: 'agency',
  labelKey: 'policy.heading',
  component: ({ agency }: SectionProps) =>
    agency ? (
      <>
        <AgencyHub />
        <PolicyPanel parsed={agency.parsed} />
      </>
    ) : null,
};
