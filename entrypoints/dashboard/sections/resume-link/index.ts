import { lazyComponent } from '../../../../components/shared/lazy';
import type { DashboardSectionDefinition } from '../section';

export const resumeLinkSection: DashboardSectionDefinition = {
  id: 'resume-link',
  labelKey: 'resumeLink.tab',
  // Its code loads when the section opens: the section on screen paints without parsing it first.
  component: lazyComponent(() => import('./ResumeLinksView').then((m) => m.ResumeLinkSection)),
};
