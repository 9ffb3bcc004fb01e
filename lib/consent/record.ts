// What the agent records of a consumer's consent and eligibility application review for one application
// and plan year: dates, scope, method and WHERE the proof lives, never the proof itself (docs/DOMAIN.md
// "Consent, application review, and what the help desk accepts"). The hub receives the same shape.
import { applicationIdDigits, isoDate, isoDateTime, planYear, textUpTo, z } from '../shared/schema';

/** The four scopes of CMS's model consent form (OMB 0938-1438). */
export const CONSENT_SCOPES = [
  'search-existing-application',
  'new-application-or-enrollment',
  'ongoing-account-maintenance',
  'marketplace-inquiries',
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** How the consumer documented it: an action of theirs, or the platform's library that holds one. */
export const CONSENT_METHODS = [
  'signature',
  'recorded-call',
  'email-or-text-reply',
  'platform-library',
] as const;

/** Who gave it. */
export const CONSENT_GIVERS = ['consumer', 'authorized-representative'] as const;

export const consentRecordSchema = z.object({
  id: textUpTo(100),
  applicationId: applicationIdDigits(),
  planYear: planYear(),
  /** The day the consumer gave consent; absent while only the review is recorded. */
  consentDate: z.optional(isoDate()),
  scopes: z.array(z.enum(CONSENT_SCOPES)).check(z.minLength(1), z.maxLength(CONSENT_SCOPES.length)),
  method: z.enum(CONSENT_METHODS),
  givenBy: z.enum(CONSENT_GIVERS),
  /** The day the eligibility application review was done with the consumer, before submission. */
  reviewDate: z.optional(isoDate()),
  /** Where the proof lives (the platform's library, the agency's document system): a reference only. */
  proofReference: textUpTo(200).check(z.minLength(1)),
  /** Room for an HHS standard form: its id and version, when one is used. */
  formId: z.optional(textUpTo(50)),
  formVersion: z.optional(textUpTo(20)),
  /** The day the consumer rescinded it; a revoked consent covers nothing. */
  revokedDate: z.optional(isoDate()),
  recordedAt: isoDateTime(),
  updatedAt: isoDateTime(),
});

export type ConsentRecord = z.infer<typeof consentRecordSchema>;
