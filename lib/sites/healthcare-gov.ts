// HealthCare.gov (www.healthcare.gov): the consumer's own application. What the consumer submits
// themselves is not affected by the Invalid Action rule, so the verdict is informational.
import { pageBlocks, readCommonFacts } from './facts';
import type { SiteAdapter } from './index';

export const healthcareGov: SiteAdapter = {
  extract(doc) {
    if (!doc.body) return null;
    const { conflicts, ...facts } = readCommonFacts(pageBlocks(doc.body), doc);
    if (!facts.applicationId) return null; // a consumer application page always shows its ID
    return {
      site: 'healthcare.gov',
      pageKind: facts.invalidActionError ? 'invalid-action' : 'application',
      ...facts,
      pathway: 'consumer-resume-link',
      ...(conflicts.length > 0 ? { conflicts } : {}),
    };
  },
};
