import { useState } from 'preact/hooks';
import { WipeAllData } from '../../../../components/backup/WipeAllData';
import { ProfileForm } from '../../../../components/profile/ProfileForm';
import { BannerCornerChoice } from '../../../../containers/BannerCornerChoice';
import { LanguageChoice } from '../../../../containers/LanguageChoice';
import { MarketplaceProfile } from '../../../../containers/MarketplaceProfile';
import { ProfileNpnBadge } from '../../../../containers/ProfileNpnBadge';
import { useStoredProfile } from '../../../../hooks/use-stored-profile';
import { wipeAllData } from '../../../../lib/backup/wipe.browser';
import { emptyProfile } from '../../../../lib/profile/profile';
import { profileItem } from '../../../../lib/storage/settings';
import type { DashboardSectionDefinition, SectionProps } from '../section';

function ProfileSection({ agency }: SectionProps) {
  const profile = useStoredProfile();
  // A wipe reloads the page, so no form keeps showing what was deleted; the tab's history entry (not
  // storage, just emptied) carries the news across the reload, once.
  const [wiped] = useState(() => {
    const was = (history.state as { wiped?: boolean } | null)?.wiped === true;
    if (was) history.replaceState(null, '');
    return was;
  });
  const overrideNpns = agency?.parsed.policy.overrideNpns;
  return (
    <>
      {/* At once with defaults: the stored profile and the policy (which may lock a field) fill it in. */}
      <ProfileForm
        initial={profile ?? emptyProfile(new Date())}
        pending={!profile || !agency}
        onSave={(p) => profileItem.setValue(p)}
        lockedOverrideNpn={overrideNpns?.length === 1 ? overrideNpns[0] : undefined}
        npnBadge={profile && <ProfileNpnBadge npn={profile.npn} planYear={profile.planYear} />}
      />
      <MarketplaceProfile />
      <LanguageChoice />
      <BannerCornerChoice />
      <WipeAllData
        wiped={wiped}
        onWipe={async () => {
          await wipeAllData();
          history.replaceState({ wiped: true }, '');
          location.reload();
        }}
      />
    </>
  );
}

export const profileSection: DashboardSectionDefinition = {
  id: 'profile',
  labelKey: 'dashboard.profile',
  component: ProfileSection,
};
