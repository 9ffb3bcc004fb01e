import { useLayoutEffect, useState } from 'preact/hooks';
import type { Profile } from '../lib/profile/profile';
import { readProfile } from '../lib/profile/stored.browser';
import { profileItem } from '../lib/storage/settings';

/** The saved profile, kept current when another page of the extension saves it. */
export function useStoredProfile(): Profile | undefined {
  const [profile, setProfile] = useState<Profile>();
  // Started as the component renders, not after the next paint: the read takes that frame back.
  useLayoutEffect(() => {
    readProfile().then(setProfile);
    return profileItem.watch(() => readProfile().then(setProfile));
  }, []);
  return profile;
}
