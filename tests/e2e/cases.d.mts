// Types for tests/e2e/cases.mjs (plain JS for Node's test runner), so tests/system/structure.test.ts and
// tests/unit/sites/cases.test.ts can read the cases under tsc.

/** What a person reads on one plan card (one policy). */
export interface PolicyFactsCase {
  name?: string;
  applicationId?: string;
  aorNpn?: string;
  hasActiveCoverage?: boolean;
  enrolleeAssistance?: boolean;
  coveragePlanYear?: number;
}

/**
 * The facts a person reading the page would state: a subset of PageFacts (lib/sites/index.ts). A field
 * present with the value undefined is one the page does not let a person read (unknown, never a default).
 */
export interface PageFactsCase {
  pageKind?: 'client' | 'lead' | 'application' | 'invalid-action' | 'other';
  applicationId?: string;
  planYear?: number;
  submissionPlanYear?: number;
  coveragePlanYear?: number;
  enrolledPlanYears?: number[];
  notEnrolledPlanYears?: number[];
  /** Only when the page shows one agent of record across its active policies. */
  aorNpn?: string;
  hasActiveCoverage?: boolean;
  enrolleeAssistance?: boolean;
  leadStatus?: 'shopping' | 'applying' | 'confirming';
  state?: string;
  invalidActionError?: boolean;
  /** HealthSherpa's client consent status (lib/sites/consent.ts). */
  consentStatus?: 'collected' | 'action-required';
  /** One entry per plan card, in page order. */
  policies?: PolicyFactsCase[];
}

export interface PageCase {
  id: string;
  title: string;
  /** A page under tests/fixtures/pages, `<site folder>/<name>.html`. */
  fixture: string;
  host: string;
  path: string;
  /** null: the page is not read (no banner host); 'none': read, but no verdict (lists, interstitials). */
  level: 'blocked' | 'caution' | 'clear' | 'none' | null;
  visible: boolean;
  /** How the banner shows (lib/risk/verdict.ts, presentation), where the case is about it. */
  view?: 'chip' | 'compact' | 'full';
  text?: string[];
  notText?: string[];
  facts?: PageFactsCase;
  /** A decoy hidden by a stylesheet or layout: only a real browser shows what a person sees. */
  browserOnly?: boolean;
}
export const PAGE_CASES: PageCase[];
