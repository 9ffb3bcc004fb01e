import type { ComponentType } from 'preact';
import type { PlainKey } from '../../../components/i18n';
import type { Feature, ParsedPolicy } from '../../../lib/policy/keys';
import type { DashboardPrefill } from '../../../lib/shared/dashboard-link';

/** The agency's policy and whether IT installed the extension. */
export interface Agency {
  parsed: ParsedPolicy;
  installed: boolean;
}

/** What the dashboard hands every section; the section reads the rest itself. */
export interface SectionProps {
  /** Form values from the link that opened the section (lib/shared/dashboard-link.ts). */
  prefill: DashboardPrefill;
  /** Undefined until the policy is read. */
  agency: Agency | undefined;
}

export interface DashboardSectionDefinition {
  /** The hash that opens it (`dashboard.html#id`), and the section the background's messages name. */
  id: string;
  labelKey: PlainKey;
  /** The policy's `hiddenFeatures` entry that hides it; none: always shown. */
  feature?: Feature;
  component: ComponentType<SectionProps>;
}
