import { lazyComponent } from '../../../components/lazy';
import type { DashboardSectionDefinition } from './section';

export const resumeLinkSection: DashboardSectionDefinition = {
  id: 'resume-link',
  labelKey: 'resumeLink.tab',
  feature: 'resume-links',
  // Its code loads when the section opens: the section on screen paints without parsing it first.
  component: lazyComponent(() => import('./ResumeLinksView').then((m) => m.ResumeLinkSection)),
};
