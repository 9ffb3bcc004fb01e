// HealthCare.gov (www.healthcare.gov): the consumer's own application. What the consumer submits
// themselves is not affected by the Invalid Action rule, so the verdict is informational.
import { pageBlocks, readCommonFacts } from './facts';
import type { SiteAdapter } from './page-facts';

/** The signed-in enroll link carries the application: /marketplace/auth/enroll/consumers/?a=<id>&t=<STATE>. */
function enrollLinkId(doc: Document): string | undefined {
  const link = doc.querySelector<HTMLAnchorElement>('a[href*="/enroll/consumers/"][href*="a="]');
  const id = link ? new URL(link.href, 'https://www.healthcare.gov/').searchParams.get('a') : null;
  return id && /^\d{5,20}$/.test(id) ? id : undefined;
}

export const healthcareGov: SiteAdapter = {
  extract(doc) {
    if (!doc.body) return null;
    const { conflicts, ...read } = readCommonFacts(pageBlocks(doc.body), doc);
    const facts = { ...read, applicationId: read.applicationId ?? enrollLinkId(doc) };
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
