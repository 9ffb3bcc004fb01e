// BenefitAlign (*.benefitalign.com): an EDE platform whose client and application pages show the same facts.
import { kindFromFacts, labelsPolicy, pageBlocks, readCommonFacts } from './facts';
import type { SiteAdapter } from './page-facts';

export const benefitalign: SiteAdapter = {
  extract(doc) {
    if (!doc.body) return null;
    const blocks = pageBlocks(doc.body);
    const { conflicts, ...facts } = readCommonFacts(blocks, doc);
    // A book of business names several clients, each with an application: no one consumer's page.
    if (conflicts.includes('consumerName') && conflicts.includes('applicationId')) return null;
    const shown = kindFromFacts({ conflicts, ...facts });
    // A client page whose values are all placeholders is still a client page: unknown, so caution.
    const kind = shown === 'other' && labelsPolicy(blocks) ? 'client' : shown;
    if (kind === 'other') return null;
    return { site: 'benefitalign', pageKind: kind, ...facts, ...(conflicts.length > 0 ? { conflicts } : {}) };
  },
};
