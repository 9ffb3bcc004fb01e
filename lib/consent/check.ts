// Whether consent and the eligibility application review are on file for what the agent is about to do
// (docs/DOMAIN.md "Consent, application review, and what the help desk accepts"): as the enrollment page
// shows them, or as the agent recorded them. Pure: the background runs it for the banner.
import type { PageFacts } from '../sites';
import type { ConsentRecord, ConsentScope } from './record';

/** Where what is on file was found. */
export type ConsentSource = 'page' | 'record';

export interface ConsentCheck {
  planYear: number;
  /** The model form's scope the action needs. */
  scope: ConsentScope;
  consent?: ConsentSource;
  review?: ConsentSource;
  /** What is not on file, in the order the agent gets it: consent first, then the review. */
  missing: ('consent' | 'review')[];
  /** A consent is recorded, but none covers this action's scope: a new consent is needed. */
  outOfScope?: true;
  /**
   * Something says it is missing: the page (Action required, Pending, Revoked) or the agent's own records
   * (revoked, another scope). Without it, "missing" only means nothing was found, which joins a banner
   * that shows but never raises one: a chip on every page near a submission would soon go unread.
   */
  saidMissing?: true;
}

/**
 * The scope of a submission from this page: a change to coverage the consumer already has is account
 * maintenance; anything else is a new application or enrollment.
 */
export function actionScope(facts: PageFacts): ConsentScope {
  return facts.hasActiveCoverage === true || facts.invalidActionError
    ? 'ongoing-account-maintenance'
    : 'new-application-or-enrollment';
}

/** What the page shows on file. A revoked library row covers nothing. */
function onPage(facts: PageFacts, kind: 'consent' | 'review'): boolean {
  const rows = facts.consentLibrary ?? [];
  if (rows.some((r) => r.kind === kind && r.status === 'collected')) return true;
  // The client's overall status speaks for the consent, not for the review (that is done at Confirm plan).
  return kind === 'consent' && rows.every((r) => r.kind !== 'consent') && facts.consentStatus === 'collected';
}

/** The page shows this kind, or the client's status, as not collected. */
function pageSaysMissing(facts: PageFacts, kind: 'consent' | 'review'): boolean {
  const rows = facts.consentLibrary ?? [];
  if (rows.some((r) => r.kind === kind && r.status !== 'collected')) return true;
  return kind === 'consent' && facts.consentStatus !== undefined && facts.consentStatus !== 'collected';
}

/**
 * What is on file for an application and plan year, and what is missing. `records` are the agent's for
 * that application and plan year; a revoked one covers nothing, and a consent covers only its scopes.
 */
export function checkConsent(
  facts: PageFacts,
  records: readonly ConsentRecord[],
  planYear: number,
  scope: ConsentScope = actionScope(facts),
): ConsentCheck {
  const live = records.filter((r) => r.planYear === planYear && r.revokedDate === undefined);
  const consents = live.filter((r) => r.consentDate !== undefined);
  const covering = consents.some((r) => r.scopes.includes(scope));
  const consent: ConsentSource | undefined = onPage(facts, 'consent')
    ? 'page'
    : covering
      ? 'record'
      : undefined;
  const review: ConsentSource | undefined = onPage(facts, 'review')
    ? 'page'
    : live.some((r) => r.reviewDate !== undefined)
      ? 'record'
      : undefined;
  const missing: ConsentCheck['missing'] = [];
  if (!consent) missing.push('consent');
  if (!review) missing.push('review');
  const outOfScope = !consent && consents.length > 0;
  const revoked = records.some((r) => r.planYear === planYear && r.revokedDate !== undefined);
  const saidMissing =
    missing.some((kind) => pageSaysMissing(facts, kind)) || outOfScope || (revoked && !consent);
  return {
    planYear,
    scope,
    ...(consent ? { consent } : {}),
    ...(review ? { review } : {}),
    missing,
    ...(outOfScope ? { outOfScope: true as const } : {}),
    ...(saidMissing ? { saidMissing: true as const } : {}),
  };
}
