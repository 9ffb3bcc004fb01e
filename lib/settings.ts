// Every value kept in browser.storage, declared here and nowhere else.
import { storage } from 'wxt/utils/storage';
import { emptyProfile, type Profile, profileSchema } from './profile';

/** The agent's name, NPN, agency Override NPN and working plan year. Read by the banner's checks. */
export const profileItem = storage.defineItem<Profile>('local:profile', {
  fallback: emptyProfile(new Date()),
});

/** The stored profile, or the empty one when what is stored does not parse (never trust a row read back). */
export async function readProfile(): Promise<Profile> {
  const parsed = profileSchema.safeParse(await profileItem.getValue());
  return parsed.success ? parsed.data : emptyProfile(new Date());
}

/** When the agent last opened the AOR at-risk list: rows first listed after it count as new. */
export const atRiskLastVisitItem = storage.defineItem<string | null>('local:atRiskLastVisit', {
  fallback: null,
});
