// HealthSherpa (www.healthsherpa.com and carrier-branded *.healthsherpa.com): agent pages under /agents/.
import { type CommonFacts, kindFromFacts, pageBlocks, readCommonFacts } from './facts';
import { clean } from './labels';
import type { PageFacts, SiteAdapter } from './page-facts';

/** The clients and leads lists: many consumers on one page, so no one consumer's facts. */
const LIST_PATH = /\/(clients|leads|enrollment_leads)\/?$/;
/**
 * Steps HealthSherpa shows before a client's page (docs/DOMAIN.md): an access grant, "Enable EDE", the
 * "integrate your FFM" modal. Nothing about the consumer's policy is on them.
 */
const INTERSTITIAL =
  /\b(?:enable ede|integrate your ffm|grant (?:me |us )?access|request access to this client)\b/i;
const NAME_MAX = 120;
const HEADING_MAX = 2000; // longer is not a name (see labels.ts MAX_BLOCK)

function pageKind(path: string, facts: CommonFacts, interstitial: boolean): PageFacts['pageKind'] {
  if (LIST_PATH.test(path)) return 'other';
  if (facts.invalidActionError) return 'invalid-action';
  if (interstitial) return 'other';
  if (/\/leads\/[^/]+/.test(path)) return 'lead';
  if (/\/(confirm|plan_confirmation|plan-confirmation)/.test(path)) return 'application';
  if (/\/clients\/[^/]+/.test(path)) return 'client';
  return kindFromFacts(facts);
}

/** Rows of the clients list that the site marks as AOR at risk ("AOR at risk" or the tab's "At-risk AOR"). */
function countAtRiskRows(doc: Document): number {
  return Array.from(doc.querySelectorAll('tr, [role="row"]')).filter((row) => {
    const cells = Array.from(row.children);
    if (cells.length > 0 && cells.every((c) => c.tagName === 'TH')) return false; // a header row
    // Cell by cell: textContent runs cells' words together ("EffectuatedAOR at risk11/20/2026").
    const text = cells.length > 0 ? cells.map((c) => c.textContent ?? '').join(' ') : (row.textContent ?? '');
    return /\b(?:AOR at[- ]risk|at[- ]risk AOR)\b/i.test(text);
  }).length;
}

/** On a client or lead details page the heading is the consumer's name. */
function headingName(doc: Document): string | undefined {
  const text = doc.querySelector('h1')?.textContent ?? '';
  if (text.length > HEADING_MAX) return undefined;
  const name = clean(text);
  return /\p{L}/u.test(name) ? name.slice(0, NAME_MAX) : undefined;
}

export const healthsherpa: SiteAdapter = {
  extract(doc, url) {
    if (!url.pathname.startsWith('/agents/') || !doc.body) return null;
    if (LIST_PATH.test(url.pathname)) {
      // The first row's ID, AOR or an "Invalid Action error" tab heading say nothing about one consumer.
      return {
        site: 'healthsherpa',
        pageKind: 'other',
        invalidActionError: false,
        atRiskRows: countAtRiskRows(doc),
      };
    }
    const blocks = pageBlocks(doc.body);
    const { conflicts, ...facts } = readCommonFacts(blocks, doc);
    // Only a page that shows nothing of a policy: an "Enable EDE" notice on a client page leaves it one.
    const interstitial =
      !facts.applicationId &&
      !facts.aorNpn &&
      !facts.aorAbsent &&
      facts.hasActiveCoverage === undefined &&
      blocks.some((b) => INTERSTITIAL.test(b));
    const kind = pageKind(url.pathname, { conflicts, ...facts }, interstitial);
    const details = /\/(clients|leads)\/[^/]+\/?$/.test(url.pathname);
    return {
      site: 'healthsherpa',
      pageKind: kind,
      ...facts,
      consumerName: facts.consumerName ?? (details ? headingName(doc) : undefined),
      ...(conflicts.length > 0 ? { conflicts } : {}),
      ...(kind === 'other' ? { atRiskRows: countAtRiskRows(doc) } : {}),
    };
  },
};
