// HealthCare.gov (www.healthcare.gov): the consumer's application, read by the agent beside them. It is
// judged as on the EDE sites (docs/DOMAIN.md "HealthCare.gov pages"): whoever submits, the agent's NPN can
// only reach the policy through an agent-assisted update, which CMS checks against the NPN shown here.
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
      ...(conflicts.length > 0 ? { conflicts } : {}),
    };
  },
};
