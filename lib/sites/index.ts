// The site adapter registry: one file per enrollment site, registered here.
import { benefitalign } from './benefitalign';
import { healthcareGov } from './healthcare-gov';
import { healthsherpa } from './healthsherpa';
import { type SiteId, siteForHost } from './hosts';
import { textBlocks } from './labels';
import { legibility } from './legibility';
import type { PageFacts, SiteAdapter, Teacher } from './page-facts';
import { readingOnce } from './reading';

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
  // One reading of the page for the reader, its parts and the rules (reading.ts).
  return readingOnce(() => {
    const facts = adapter.extract(doc, url);
    const root = doc.body;
    if (!teach || !facts || !root) return facts;
    const sources: Element[][] = [];
    const blocks = textBlocks(root, { sources });
    return teach(facts, { root, blocks, sources, seen: legibility(root) });
  });
}
