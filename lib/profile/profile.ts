// The agent's own details: who submits, and with which NPN.

import { checkNpnFormat } from '../npn/format';
import { defaultPlanYear, isPlanYear } from '../shared/plan-year';
import { npnDigits, planYear, textUpTo, z } from '../shared/schema';

export interface Profile {
  name: string;
  npn: string;
  overrideNpn: string; // '' when the agency does not use NPN override
  planYear: number;
}

export const profileSchema: z.ZodMiniType<Profile> = z.object({
  name: textUpTo(200),
  npn: z.union([npnDigits(), z.literal('')]),
  overrideNpn: z.union([npnDigits(), z.literal('')]),
  planYear: planYear(),
});

export function emptyProfile(today: Date): Profile {
  return { name: '', npn: '', overrideNpn: '', planYear: defaultPlanYear(today) };
}

export interface ProfileFormValues {
  name: string;
  npn: string;
  overrideNpn: string;
  planYear: string;
}
export type ProfileField = keyof ProfileFormValues;
export type ProfileParse =
  | { ok: true; profile: Profile }
  | { ok: false; errors: Partial<Record<ProfileField, string>> };

/** Errors are codes: an NpnCode for the NPN fields; 'required', 'tooLong' or 'planYear' otherwise. */
export function parseProfileForm(values: ProfileFormValues): ProfileParse {
  const errors: Partial<Record<ProfileField, string>> = {};
  const name = values.name.trim();
  if (name === '') errors.name = 'required';
  else if (name.length > 200) errors.name = 'tooLong';
  const own = checkNpnFormat(values.npn);
  if (!own.valid) errors.npn = own.code;
  const override = values.overrideNpn.trim() === '' ? null : checkNpnFormat(values.overrideNpn);
  if (override && !override.valid) errors.overrideNpn = override.code;
  const planYear = Number(values.planYear);
  if (!isPlanYear(planYear)) {
    errors.planYear = 'planYear';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    profile: { name, npn: own.npn ?? '', overrideNpn: override?.npn ?? '', planYear },
  };
}
