import type { DashboardSectionDefinition } from '../section';
import { CallReportsSection } from './CallReportsView';

// Not lazy: call reports is the section most links open, and its view starts reading the database as
// the dashboard's scripts load (CallReportsView.tsx).
export const callReportsSection: DashboardSectionDefinition = {
  id: 'call-reports',
  labelKey: 'dashboard.callReports',
  component: CallReportsSection,
};
