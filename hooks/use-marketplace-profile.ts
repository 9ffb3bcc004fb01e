import { useLayoutEffect, useState } from 'preact/hooks';
import { readPolicy, watchPolicy } from '../lib/policy/managed.background';
import {
  effectiveMarketplaceProfile,
  type MarketplaceProfile,
  type ProfileField,
} from '../lib/profile/marketplace';
import { readMarketplaceProfile } from '../lib/profile/stored.browser';
import { marketplaceProfileItem } from '../lib/storage/settings';

export interface MarketplaceProfileState {
  /** As it applies: the agent's own, the agency's preset, the agency's locked fields. */
  profile: MarketplaceProfile;
  locked: ProfileField[];
  /** The agent has saved one (else `profile` is the agency's preset or empty). */
  saved: boolean;
}

/** The Marketplace profile as it applies, kept current when it is saved or the policy changes. */
export function useMarketplaceProfile(): MarketplaceProfileState | undefined {
  const [state, setState] = useState<MarketplaceProfileState>();
  useLayoutEffect(() => {
    const refresh = () =>
      Promise.all([readMarketplaceProfile(), readPolicy()]).then(([stored, { policy }]) =>
        setState({ ...effectiveMarketplaceProfile(stored, policy), saved: stored !== null }),
      );
    refresh();
    const stopItem = marketplaceProfileItem.watch(refresh);
    const stopPolicy = watchPolicy(refresh);
    return () => {
      stopItem();
      stopPolicy();
    };
  }, []);
  return state;
}
