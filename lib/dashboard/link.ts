// Deep links into the dashboard. The URL names the section and, when a form is prefilled, a one-time
// key to the values in session storage (lib/dashboard/prefill.browser.ts): a consumer's name or
// application ID in a URL would stay in the browser's history, and may be synced.
import { checkResumeLink, shortenText } from '../resume-links/link';
import { isPlanYear } from '../shared/plan-year';
import type { DashboardSectionId } from './sections';

export type DashboardSection = DashboardSectionId;

export interface DashboardPrefill {
  applicationId?: string;
  state?: string;
  /** Resume Link flow, from the banner's `Send Resume Link`. */
  resumeLink?: string;
  consumerName?: string;
  planYear?: number;
  eap?: boolean;
}

const KEY = /^[0-9a-f-]{36}$/;

export function dashboardHash(section: DashboardSection, prefillKey?: string): string {
  return prefillKey ? `#${section}?k=${prefillKey}` : `#${section}`;
}

/** Anyone can open a dashboard URL: a key that is not one of ours is no key. */
export function parseDashboardHash(hash: string): { section: string; prefillKey?: string } {
  const [section = '', query = ''] = hash.replace(/^#/, '').split('?');
  const key = new URLSearchParams(query).get('k') ?? '';
  return { section, prefillKey: KEY.test(key) ? key : undefined };
}

/** Values read back from storage are checked like any input: what does not pass is dropped. */
export function parsePrefill(raw: unknown): DashboardPrefill {
  const r: Record<string, unknown> = raw !== null && typeof raw === 'object' ? { ...raw } : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const applicationId = text(r.applicationId);
  const state = text(r.state);
  const resumeLink = text(r.resumeLink);
  const consumerName = shortenText(text(r.consumerName) ?? '', 500) || undefined;
  const planYear = r.planYear;
  return {
    applicationId: applicationId && /^\d{1,20}$/.test(applicationId) ? applicationId : undefined,
    state: state && /^[A-Z]{2}$/.test(state) ? state : undefined,
    resumeLink: resumeLink ? checkResumeLink(resumeLink).href : undefined,
    consumerName,
    planYear: typeof planYear === 'number' && isPlanYear(planYear) ? planYear : undefined,
    eap: r.eap === true ? true : undefined,
  };
}
