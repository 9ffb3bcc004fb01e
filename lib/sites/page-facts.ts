// What a site's reader makes of a consumer page (docs/DOMAIN.md's page words), apart from the adapter
// registry (index.ts) so that the adapters, the risk rules and taught rules import the shape without it.
import type { SiteId } from './hosts';
import type { Seen } from './legibility';

/** Who submits the enrollment: decides which CMS rules apply (lib/risk/rules.ts). */
export type Pathway = 'agent' | 'consumer-resume-link' | 'consumer-marketing-link';

/** The facts a rule the agent or agency taught may supply (lib/page-rules/); the verdict stays in lib/risk/verdict.ts. */
export const TAUGHT_FACTS = [
  'applicationId',
  'aorNpn',
  'aorName',
  'hasActiveCoverage',
  'planYear',
  'state',
] as const;
export type TaughtFact = (typeof TAUGHT_FACTS)[number];

export interface PageFacts {
  site: SiteId;
  pageKind: 'client' | 'lead' | 'application' | 'invalid-action' | 'other';
  applicationId?: string;
  planYear?: number;
  /**
   * The plan year a submission from this page is for: the application's or the lead's, the plan being
   * confirmed, HealthCare.gov's "Coverage year".
   */
  submissionPlanYear?: number;
  /** Read as one policy: the plan year its coverage is for (its dates); undefined when the page does not show it. */
  coveragePlanYear?: number;
  /** Plan years the page says the consumer is enrolled for ("Automatically re-enrolled for 2027"). */
  enrolledPlanYears?: number[];
  /** Plan years the page says the consumer has no enrollment for ("No 2027 enrollment"). */
  notEnrolledPlanYears?: number[];
  consumerName?: string;
  state?: string;
  aorName?: string;
  aorNpn?: string;
  /** The page says the policy has no agent of record (adding one is blocked). */
  aorAbsent?: boolean;
  /** The agent of record is "HealthSherpa referral": HealthSherpa's own NPN, an Enrollee Assistance enrollment. */
  aorReferral?: boolean;
  /** Facts the page shows more than once with different values: never trust either. */
  conflicts?: ('aorNpn' | 'applicationId' | 'hasActiveCoverage' | 'consumerName')[];
  /** With an aorNpn conflict: the different NPNs the page shows, so the agent sees which. */
  aorNpns?: string[];
  /** Each policy (plan card) when the page shows more than one: each has its own status and AOR. */
  policies?: PolicyFacts[];
  hasActiveCoverage?: boolean;
  leadStatus?: 'shopping' | 'applying' | 'confirming';
  invalidActionError: boolean;
  resumeLink?: string;
  /** The Override NPN chosen on the page itself ('' = none chosen): what this submission carries. */
  overrideNpn?: string;
  /** An Enrollee Assistance Program enrollment: Resume Link only. */
  enrolleeAssistance?: boolean;
  /** Who submits on this site; absent means the agent does. */
  pathway?: Pathway;
  /** On a list page: how many rows the site marks as AOR at risk. */
  atRiskRows?: number;
  /**
   * NPNs a person reads on the page that the reader could not place (not the agent of record's it read, not
   * beside another role's words), with the words beside each: "clear" waits on them (lib/risk/gate.ts).
   */
  unplacedNpns?: { npn: string; label: string }[];
  /** The page shows its own sync or busy state ("Syncing…"): its facts are not settled yet. */
  syncing?: boolean;
  /** Facts a rule the agent or agency taught supplied (lib/page-rules), not the reader. */
  taught?: { fact: TaughtFact; rule: string; from: 'agent' | 'agency'; taughtAt: string }[];
  /**
   * Where a taught rule and the reader read a fact differently: neither wins, the verdict names both
   * (lib/risk/gate.ts). `read` is what the reader read ("87654321", "87654321, 12345678", "active").
   */
  taughtDisagrees?: {
    fact: 'aorNpn' | 'hasActiveCoverage' | 'applicationId';
    rule: string;
    taught: string;
    read: string;
  }[];
  /** Names of the rules for this page that found nothing: they need teaching again. */
  untaught?: string[];
}

/** One policy on a client page with several (health and dental, say). */
export interface PolicyFacts {
  /** What the page calls it (the plan's name), for the banner to say which policy it means. */
  name?: string;
  applicationId?: string;
  aorName?: string;
  aorNpn?: string;
  aorAbsent?: boolean;
  aorReferral?: boolean;
  hasActiveCoverage?: boolean;
  enrolleeAssistance?: boolean;
  /** The plan year the policy covers: from its dates, its plan-year label, or its card's heading. */
  coveragePlanYear?: number;
}

export interface SiteAdapter {
  /** null: not a consumer page of this site. */
  extract(doc: Document, url: URL): PageFacts | null;
}

/** A page's blocks as the reader read them, with their elements: what taught rules read from. */
export interface PageReading {
  root: Element;
  blocks: string[];
  sources: Element[][];
  seen: Seen;
}

/**
 * Gives taught rules their say in the facts (lib/page-rules/apply.ts). The content script loads it only
 * for a page that has rules, so most pages carry none of its code.
 */
export type Teacher = (facts: PageFacts, page: PageReading) => PageFacts;
