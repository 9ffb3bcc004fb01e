// The site adapter registry: one file per enrollment site, registered here.
import { benefitalign } from './benefitalign';
import { healthcareGov } from './healthcare-gov';
import { healthsherpa } from './healthsherpa';
import { type SiteId, siteForHost } from './hosts';
import { readingOnce, textBlocks } from './labels';
import { legibility } from './legibility';
import type { PageFacts, SiteAdapter, Teacher } from './page-facts';

export type { PageFacts, PageReading, PolicyFacts, SiteAdapter, Teacher } from './page-facts';

/** One adapter per site of lib/sites/hosts.ts: a site without one does not compile. */
const ADAPTERS: Record<SiteId, SiteAdapter> = {
  healthsherpa,
  'healthcare.gov': healthcareGov,
  benefitalign,
};

export function extractPageFacts(doc: Document, url: URL, teach?: Teacher): PageFacts | null {
  if (url.protocol !== 'https:') return null;
  const site = siteForHost(url.hostname);
  if (!site) return null;
  const adapter = ADAPTERS[site.id];
  if (!teach) return adapter.extract(doc, url);
  // One reading of the page for the reader and the rules (labels.ts readingOnce).
  return readingOnce(() => {
    const facts = adapter.extract(doc, url);
    const root = doc.body;
    if (!facts || !root) return facts;
    const sources: Element[][] = [];
    const blocks = textBlocks(root, { sources });
    return teach(facts, { root, blocks, sources, seen: legibility(root) });
  });
}
