// Deep links into the dashboard: section and prefilled form values travel in the hash.
import type { DashboardSection } from './messages';

export interface DashboardPrefill {
  applicationId?: string;
  state?: string;
}

export function dashboardHash(section: DashboardSection, prefill: DashboardPrefill = {}): string {
  const query = new URLSearchParams(
    Object.entries(prefill).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const q = query.toString();
  return `#${section}${q ? `?${q}` : ''}`;
}

export function parseDashboardHash(hash: string): { section: string; prefill: DashboardPrefill } {
  const [section = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const applicationId = params.get('applicationId') ?? undefined;
  const state = params.get('state') ?? undefined;
  return {
    section,
    prefill: {
      applicationId: applicationId && /^\d{1,20}$/.test(applicationId) ? applicationId : undefined,
      state: state && /^[A-Z]{2}$/.test(state) ? state : undefined,
    },
  };
}
