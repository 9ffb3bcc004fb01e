// HealthSherpa (www.healthsherpa.com and carrier-branded *.healthsherpa.com): agent pages under /agents/.
import { type CommonFacts, kindFromFacts, readCommonFacts } from './facts';
import type { PageFacts, SiteAdapter } from './index';
import { textBlocks } from './labels';

function pageKind(path: string, facts: CommonFacts): PageFacts['pageKind'] {
  if (facts.invalidActionError) return 'invalid-action';
  if (/\/leads\/[^/]+/.test(path)) return 'lead';
  if (/\/(confirm|plan_confirmation|plan-confirmation)/.test(path)) return 'application';
  if (/\/clients\/[^/]+/.test(path)) return 'client';
  if (/\/(clients|leads)\/?$/.test(path)) return 'other';
  return kindFromFacts(facts);
}

/** Rows of the clients list that the site marks as AOR at risk. */
function countAtRiskRows(doc: Document): number {
  return Array.from(doc.querySelectorAll('tr')).filter((row) =>
    /\bAOR at[- ]risk\b/i.test(row.textContent ?? ''),
  ).length;
}

export const healthsherpa: SiteAdapter = {
  site: 'healthsherpa',
  matchesHost: (host) => host === 'healthsherpa.com' || host.endsWith('.healthsherpa.com'),
  extract(doc, url) {
    if (!url.pathname.startsWith('/agents/') || !doc.body) return null;
    const { conflicts, ...facts } = readCommonFacts(textBlocks(doc.body), doc);
    const kind = pageKind(url.pathname, { conflicts, ...facts });
    return {
      site: 'healthsherpa',
      pageKind: kind,
      ...facts,
      ...(conflicts.length > 0 ? { conflicts } : {}),
      ...(kind === 'other' ? { atRiskRows: countAtRiskRows(doc) } : {}),
    };
  },
};
