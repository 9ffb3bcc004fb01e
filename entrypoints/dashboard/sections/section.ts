import type { ComponentType } from 'preact';
import type { Agency } from '../../../hooks/use-agency';
import type { DashboardPrefill } from '../../../lib/dashboard/link';
import type { DashboardSectionId } from '../../../lib/dashboard/sections';
import type { PlainKey } from '../../../words/i18n';

export type { Agency };

/** What the dashboard hands every section; the section reads the rest itself. */
export interface SectionProps {
  /** Form values from the link that opened the section (lib/dashboard/link.ts). */
  prefill: DashboardPrefill;
  /** Undefined until the policy is read. */
  agency: Agency | undefined;
}

export interface DashboardSectionDefinition {
  /**
   * The hash that opens it (`dashboard.html#id`), and the section the background's messages name; the
   * policy feature that hides it is beside the id in lib/dashboard/sections.ts.
   */
  id: DashboardSectionId;
  labelKey: PlainKey;
  component: ComponentType<SectionProps>;
}
