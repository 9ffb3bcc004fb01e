// Deep links into the dashboard: section and prefilled form values travel in the hash.
import { checkResumeLink, shortenText } from '../resume-links/link';
import { isPlanYear } from './plan-year';

/**
 * A dashboard section's id. The sections are listed in entrypoints/dashboard/sections/index.ts, which lib/
 * cannot import; tests/components/DashboardSections.test.tsx checks that every id the code opens is there.
 */
export type DashboardSection = string;

export interface DashboardPrefill {
  applicationId?: string;
  state?: string;
  /** Resume Link flow, from the banner's `Send Resume Link`. */
  resumeLink?: string;
  consumerName?: string;
  planYear?: number;
  eap?: boolean;
}

export function dashboardHash(section: DashboardSection, prefill: DashboardPrefill = {}): string {
  const query = new URLSearchParams(
    Object.entries(prefill)
      .map(([k, v]): [string, string] => [k, v === true ? '1' : v === false ? '' : String(v ?? '')])
      .filter((e) => Boolean(e[1])),
  );
  const q = query.toString();
  return `#${section}${q ? `?${q}` : ''}`;
}

/** Anyone can open a dashboard URL: every value is checked, and what does not pass is dropped. */
export function parseDashboardHash(hash: string): { section: string; prefill: DashboardPrefill } {
  const [section = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const applicationId = params.get('applicationId') ?? undefined;
  const state = params.get('state') ?? undefined;
  const resumeLink = params.get('resumeLink') ?? undefined;
  const consumerName = shortenText(params.get('consumerName') ?? '', 500) || undefined;
  const planYear = Number(params.get('planYear'));
  return {
    section,
    prefill: {
      applicationId: applicationId && /^\d{1,20}$/.test(applicationId) ? applicationId : undefined,
      state: state && /^[A-Z]{2}$/.test(state) ? state : undefined,
      resumeLink: resumeLink ? checkResumeLink(resumeLink).href : undefined,
      consumerName,
      planYear: isPlanYear(planYear) ? planYear : undefined,
      eap: params.get('eap') === '1' ? true : undefined,
    },
  };
}
