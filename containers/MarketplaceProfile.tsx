import { LicenseExpiry, MarketplaceProfileForm } from '../components/profile/MarketplaceProfileForm';
import { useMarketplaceProfile } from '../hooks/use-marketplace-profile';
import { expiredLicenses, expiringLicenses } from '../lib/profile/licenses';
import { marketplaceProfileItem } from '../lib/storage/settings';

/** The Marketplace profile form wired to its setting and the agency's policy, with licenses about to expire. */
export function MarketplaceProfile() {
  const state = useMarketplaceProfile();
  if (!state) return null;
  const today = new Date();
  const { licenses } = state.profile;
  return (
    <>
      <LicenseExpiry
        expiring={expiringLicenses(licenses, today)}
        expired={expiredLicenses(licenses, today)}
        today={today}
      />
      {/* A new lock from the agency starts the form again from what applies. */}
      <MarketplaceProfileForm
        key={state.locked.join()}
        initial={state.profile}
        locked={state.locked}
        onSave={(p) => marketplaceProfileItem.setValue(p)}
      />
    </>
  );
}
