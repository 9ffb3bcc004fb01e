// HealthSherpa (www.healthsherpa.com and carrier-branded *.healthsherpa.com): agent pages under /agents/.

import { readCommonFacts } from './facts';
import type { PageFacts, SiteAdapter } from './index';
import { textBlocks } from './labels';

function pageKind(path: string, invalidActionError: boolean): PageFacts['pageKind'] {
  if (invalidActionError) return 'invalid-action';
  if (/\/leads\/[^/]+/.test(path)) return 'lead';
  if (/\/clients\/[^/]+/.test(path)) return 'client';
  if (/\/(applications?|plans?|confirm)/.test(path)) return 'application';
  return 'other';
}

export const healthsherpa: SiteAdapter = {
  site: 'healthsherpa',
  matchesHost: (host) => host === 'healthsherpa.com' || host.endsWith('.healthsherpa.com'),
  extract(doc, url) {
    if (!url.pathname.startsWith('/agents/') || !doc.body) return null;
    const { conflicts, ...facts } = readCommonFacts(textBlocks(doc.body), doc);
    return {
      site: 'healthsherpa',
      pageKind: pageKind(url.pathname, facts.invalidActionError),
      ...facts,
      ...(conflicts.length > 0 ? { conflicts } : {}),
    };
  },
};
