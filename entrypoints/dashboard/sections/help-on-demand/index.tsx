import { LicenseExpiry } from '../../../../components/profile/MarketplaceProfileForm';
import { HelpOnDemandReadiness } from '../../../../containers/HelpOnDemandReadiness';
import { useMarketplaceProfile } from '../../../../hooks/use-marketplace-profile';
import { useStoredProfile } from '../../../../hooks/use-stored-profile';
import { expiredLicenses, expiringLicenses } from '../../../../lib/profile/licenses';
import { t } from '../../../../words/i18n';
import type { DashboardSectionDefinition } from '../section';

function HelpOnDemandSection() {
  const profile = useStoredProfile();
  const marketplace = useMarketplaceProfile();
  if (!profile || !marketplace) return <p class="hint">{t('readiness.reading')}</p>;
  const today = new Date();
  const { licenses } = marketplace.profile;
  return (
    <section class="stack" aria-labelledby="hod-heading">
      <h2 id="hod-heading">{t('readiness.heading')}</h2>
      <p class="hint">{t('readiness.intro')}</p>
      <LicenseExpiry
        expiring={expiringLicenses(licenses, today)}
        expired={expiredLicenses(licenses, today)}
        today={today}
      />
      <HelpOnDemandReadiness profile={profile} licenses={licenses} />
    </section>
  );
}

export const helpOnDemandSection: DashboardSectionDefinition = {
  id: 'help-on-demand',
  labelKey: 'dashboard.helpOnDemand',
  component: HelpOnDemandSection,
};
