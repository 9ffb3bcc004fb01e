import { lazyComponent } from '../../../../components/shared/lazy';
import type { DashboardSectionDefinition } from '../section';

export const npnRegistrySection: DashboardSectionDefinition = {
  id: 'npn-registry',
  labelKey: 'registry.heading',
  // The NPN lists' import code is heavy: it loads when the section opens, not with the dashboard.
  component: lazyComponent(() => import('./RegistryView').then((m) => m.RegistrySection)),
};
