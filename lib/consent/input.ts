// What the agent types into the consent form, checked field by field: each refused field gets its own
// problem (worded in locales/ under errors.consent), and nothing is stored until every field passes.
import { localDay } from '../profile/marketplace';
import { type Problem, problem } from '../shared/problem';
import {
  CONSENT_GIVERS,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  type ConsentRecord,
  consentRecordSchema,
} from './record';

/** The form's fields as typed: text, the chosen scopes, empty strings for what was left blank. */
export interface ConsentFormValues {
  applicationId: string;
  planYear: string;
  consentDate: string;
  scopes: string[];
  method: string;
  givenBy: string;
  reviewDate: string;
  proofReference: string;
  formId: string;
  formVersion: string;
}

export type ConsentField = keyof ConsentFormValues;

/** The record's fields the agent types (the rest are the store's: id, revocation, times). */
export type ConsentFields = Omit<ConsentRecord, 'id' | 'revokedDate' | 'recordedAt' | 'updatedAt'>;

export type ConsentParse =
  | { ok: true; fields: ConsentFields }
  | { ok: false; errors: Partial<Record<ConsentField, Problem>> };

/** What saving the form did: the record as stored, or every refused field and why. */
export type ConsentSave =
  | { ok: true; record: ConsentRecord }
  | { ok: false; errors: Partial<Record<ConsentField, Problem>> };

const shape = consentRecordSchema.shape;
const passes = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;
const blankToUndefined = (v: string) => (v.trim() === '' ? undefined : v.trim());

/** A day that is a real date and not after today (consent and review are given, never planned). */
function dayProblem(field: 'consentDate' | 'reviewDate', value: string | undefined, today: string) {
  if (value === undefined) return undefined;
  if (!passes(shape[field], value)) return problem(`consent.${field}`, value);
  if (value > today) return problem('consent.future', value);
  return undefined;
}

export function parseConsentForm(values: ConsentFormValues, now: Date): ConsentParse {
  const today = localDay(now);
  const errors: Partial<Record<ConsentField, Problem>> = {};
  const applicationId = values.applicationId.replace(/\s/g, '');
  if (!passes(shape.applicationId, applicationId))
    errors.applicationId = problem(applicationId ? 'consent.applicationId' : 'consent.applicationIdEmpty');
  const planYear = Number(values.planYear.trim());
  if (!/^\d{4}$/.test(values.planYear.trim()) || !passes(shape.planYear, planYear))
    errors.planYear = problem('consent.planYear', values.planYear);
  const consentDate = blankToUndefined(values.consentDate);
  const reviewDate = blankToUndefined(values.reviewDate);
  const consentProblem = dayProblem('consentDate', consentDate, today);
  if (consentProblem) errors.consentDate = consentProblem;
  const reviewProblem = dayProblem('reviewDate', reviewDate, today);
  if (reviewProblem) errors.reviewDate = reviewProblem;
  // A record with neither date documents nothing.
  if (consentDate === undefined && reviewDate === undefined) errors.consentDate = problem('consent.noDate');
  const scopes = CONSENT_SCOPES.filter((s) => values.scopes.includes(s));
  if (scopes.length === 0) errors.scopes = problem('consent.scopes');
  if (!(CONSENT_METHODS as readonly string[]).includes(values.method))
    errors.method = problem('consent.method');
  if (!(CONSENT_GIVERS as readonly string[]).includes(values.givenBy))
    errors.givenBy = problem('consent.givenBy');
  const proofReference = values.proofReference.trim();
  if (!passes(shape.proofReference, proofReference))
    errors.proofReference = problem(proofReference ? 'consent.proofTooLong' : 'consent.proofEmpty');
  const formId = blankToUndefined(values.formId);
  if (!passes(shape.formId, formId)) errors.formId = problem('consent.formId');
  const formVersion = blankToUndefined(values.formVersion);
  if (!passes(shape.formVersion, formVersion)) errors.formVersion = problem('consent.formVersion');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      applicationId,
      planYear,
      ...(consentDate ? { consentDate } : {}),
      scopes,
      method: values.method as ConsentFields['method'],
      givenBy: values.givenBy as ConsentFields['givenBy'],
      ...(reviewDate ? { reviewDate } : {}),
      proofReference,
      ...(formId ? { formId } : {}),
      ...(formVersion ? { formVersion } : {}),
    },
  };
}

/** A stored record as the form shows it, for editing. */
export function formValuesOf(record: ConsentRecord): ConsentFormValues {
  return {
    applicationId: record.applicationId,
    planYear: String(record.planYear),
    consentDate: record.consentDate ?? '',
    scopes: [...record.scopes],
    method: record.method,
    givenBy: record.givenBy,
    reviewDate: record.reviewDate ?? '',
    proofReference: record.proofReference,
    formId: record.formId ?? '',
    formVersion: record.formVersion ?? '',
  };
}
