import { lazyComponent } from '../../../../components/shared/lazy';
import type { DashboardSectionDefinition } from '../section';

export const referralsSection: DashboardSectionDefinition = {
  id: 'referrals',
  labelKey: 'referrals.section',
  // Its code loads when the section opens.
  component: lazyComponent(() => import('./ReferralsView').then((m) => m.ReferralsSection)),
};
