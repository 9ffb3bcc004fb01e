// The agent's profiles as stored (lib/storage/settings.ts declares both settings), read back: what is
// stored is parsed again, never trusted as it is read.
import { marketplaceProfileItem, profileItem } from '../storage/settings';
import { type MarketplaceProfile, marketplaceProfileSchema } from './marketplace';
import { emptyProfile, type Profile, profileSchema } from './profile';

/** The stored profile, or the empty one when none is saved or what is stored does not parse. */
export async function readProfile(): Promise<Profile> {
  const parsed = profileSchema.safeParse(await profileItem.getValue());
  return parsed.success ? parsed.data : emptyProfile(new Date());
}

/** The stored Marketplace profile, or null when none is saved or what is stored does not parse. */
export async function readMarketplaceProfile(): Promise<MarketplaceProfile | null> {
  const parsed = marketplaceProfileSchema.safeParse(await marketplaceProfileItem.getValue());
  return parsed.success ? parsed.data : null;
}
