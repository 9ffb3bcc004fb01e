import { PolicyPanel } from '../../components/policy/PolicyPanel';
import { ProfileForm } from '../../components/profile/ProfileForm';
import { lazyComponent } from '../../components/shared/lazy';
import { LanguageChoice } from '../../containers/LanguageChoice';
import { MarketplaceProfile } from '../../containers/MarketplaceProfile';
import { useAgency } from '../../hooks/use-agency';
import { useStoredProfile } from '../../hooks/use-stored-profile';
import { dashboardHash } from '../../lib/dashboard/link';
import { sectionShown } from '../../lib/dashboard/sections';
import { emptyProfile } from '../../lib/profile/profile';
import { SITES } from '../../lib/sites/hosts';
import { profileItem } from '../../lib/storage/settings';
import { formatList, t } from '../../words/i18n';

// The lists live in the database: its code loads once an NPN is typed, not before the form shows.
const NpnStanding = lazyComponent(() => import('../../containers/NpnCheck').then((m) => m.NpnStanding));

/**
 * The first page after install (lib/onboarding/welcome.background.ts). The form shows at once with
 * defaults: the stored profile and the agency's policy (whose first read can take seconds) fill it in.
 */
export function App() {
  const profile = useStoredProfile();
  const agency = useAgency();
  const policy = agency?.parsed.policy;
  const overrideNpns = policy?.overrideNpns;
  return (
    <main class="onboarding stack">
      <header class="stack">
        <h1>{t('onboarding.title')}</h1>
        <ul class="what">
          <li>{t('onboarding.what1', [formatList(SITES.map((s) => s.label))])}</li>
          <li>{t('onboarding.what2')}</li>
          <li>{t('onboarding.what3')}</li>
        </ul>
        <p>{t('onboarding.setUp')}</p>
      </header>
      <LanguageChoice />
      <ProfileForm
        initial={profile ?? emptyProfile(new Date())}
        pending={!profile || !agency}
        onSave={(p) => profileItem.setValue(p)}
        lockedOverrideNpn={overrideNpns?.length === 1 ? overrideNpns[0] : undefined}
        typedNpnCheck={(npn, planYear) => <NpnStanding npn={npn} planYear={planYear} />}
      />
      <MarketplaceProfile />
      {agency ? (
        <>
          {agency.installed && <p class="badge-line">{t('policy.installedByAgency')}</p>}
          <PolicyPanel parsed={agency.parsed} />
        </>
      ) : (
        <p class="hint">{t('onboarding.agencyReading')}</p>
      )}
      {/* Until the policy is read the link shows: the registry is hidden only where the agency says so. */}
      {sectionShown('npn-registry', policy ?? {}) && (
        <section class="stack" aria-labelledby="lists-heading">
          <h2 id="lists-heading">{t('onboarding.listsHeading')}</h2>
          <p>{t('onboarding.listsText')}</p>
          <p>
            <a href={`/dashboard.html${dashboardHash('npn-registry')}`}>{t('onboarding.listsLink')}</a>
          </p>
        </section>
      )}
      <section class="stack" aria-labelledby="try-heading">
        <h2 id="try-heading">{t('onboarding.tryHeading')}</h2>
        <p>{t('onboarding.tryText')}</p>
        <p>
          <a href="/sample.html">{t('onboarding.tryLink')}</a>
        </p>
      </section>
      <p>
        <a href={`/dashboard.html${dashboardHash('profile')}`}>{t('common.openDashboard')}</a>
      </p>
    </main>
  );
}
