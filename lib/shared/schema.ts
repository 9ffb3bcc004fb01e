// Small zod/mini building blocks shared by every schema (zod/mini keeps the popup's bundle small).
import * as z from 'zod/mini';
import { PLAN_YEAR_MAX, PLAN_YEAR_MIN } from './plan-year';

export { z };

export const matching = (pattern: RegExp, message?: string) => z.string().check(z.regex(pattern, message));
export const textUpTo = (max: number) => z.string().check(z.maxLength(max));
export const intBetween = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
export const isoDateTime = () => z.iso.datetime();
/** A calendar day, yyyy-mm-dd, in 1900–2099 (a year 0000 is a typing slip, and no database takes it). */
export const isoDate = () => z.iso.date().check(z.regex(/^(19|20)\d\d-/, 'a year from 1900 to 2099'));
export const npnDigits = () => matching(/^\d{1,10}$/);
export const stateCode = () => matching(/^[A-Z]{2}$/);
export const planYear = () => intBetween(PLAN_YEAR_MIN, PLAN_YEAR_MAX);
export const applicationIdDigits = () => matching(/^\d{1,20}$/);
