// BenefitAlign (*.benefitalign.com): an EDE platform whose client and application pages show the same facts.
import { kindFromFacts, readCommonFacts } from './facts';
import type { SiteAdapter } from './index';
import { textBlocks } from './labels';

export const benefitalign: SiteAdapter = {
  extract(doc) {
    if (!doc.body) return null;
    const { conflicts, ...facts } = readCommonFacts(textBlocks(doc.body), doc);
    const kind = kindFromFacts({ conflicts, ...facts });
    if (kind === 'other') return null;
    return { site: 'benefitalign', pageKind: kind, ...facts, ...(conflicts.length > 0 ? { conflicts } : {}) };
  },
};
