import { PolicyPanel } from '../../../components/PolicyPanel';
import type { DashboardSectionDefinition, SectionProps } from './section';

export const agencySection: DashboardSectionDefinition = {
  id: 'agency',
  labelKey: 'policy.heading',
  component: ({ agency }: SectionProps) => (agency ? <PolicyPanel parsed={agency.parsed} /> : null),
};
