import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { lazyComponent } from '../../components/shared/lazy';
import { Tabs } from '../../components/shared/Tabs';
import { useMarketplaceProfile } from '../../hooks/use-marketplace-profile';
import { useStoredProfile } from '../../hooks/use-stored-profile';
import { type PageFactsRequest, pageFactsReplySchema } from '../../lib/messages';
import { featureShown, type Policy } from '../../lib/policy/keys';
import { readPolicy } from '../../lib/policy/managed.background';
import type { PageFacts } from '../../lib/sites';
import { popupTabHintItem } from '../../lib/storage/settings';
import { downloadText, stamp } from '../../words/download';
import { t } from '../../words/i18n';
import { POPUP_TABS, type PopupTabId } from './tabs';

// The database (Dexie) loads when first needed: the popup opens on "This page".
const loadAtRisk = () => import('../../lib/at-risk/store');
const ReferralTimer = lazyComponent(() =>
  import('../../containers/ReferralTimer').then((m) => m.ReferralTimer),
);
const ProfileNpnBadge = lazyComponent(() =>
  import('../../containers/ProfileNpnBadge').then((m) => m.ProfileNpnBadge),
);
const ReadinessSummary = lazyComponent(() =>
  import('../../containers/HelpOnDemandReadiness').then((m) => m.ReadinessSummary),
);

/** Asks the content script in the active tab what it read; null when no content script answers. */
async function readActiveTab(): Promise<PageFacts | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  const request: PageFactsRequest = { type: 'get-page-facts' };
  // The content script runs in the page's process: its answer is checked like any other message.
  const reply = await browser.tabs.sendMessage(tab.id, request).catch(() => null);
  const parsed = pageFactsReplySchema.safeParse(reply ?? null);
  return parsed.success ? parsed.data : null;
}

/** Opens the picker on the active tab's page and steps aside, so the agent can point at the page. */
async function teachActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const request: PageFactsRequest = { type: 'start-picker' };
  await browser.tabs.sendMessage(tab.id, request).catch(() => {});
  window.close();
}

/** Saves the active tab's page sample as an .html file the agent can attach to an email. */
async function sampleActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const request: PageFactsRequest = { type: 'page-sample' };
  const html: unknown = await browser.tabs.sendMessage(tab.id, request).catch(() => null);
  if (typeof html === 'string')
    downloadText(html, `aor-guard-page-sample-${stamp(new Date())}.html`, 'text/html');
}

export function App() {
  const profile = useStoredProfile();
  const marketplace = useMarketplaceProfile();
  const [facts, setFacts] = useState<PageFacts | null>();
  const [atRisk, setAtRisk] = useState(false);
  const [tab, setTab] = useState<PopupTabId>();
  // undefined until read: the verdict waits for it, as the banner's does.
  const [policy, setPolicy] = useState<Policy>();
  useEffect(() => {
    readPolicy().then((parsed) => setPolicy(parsed.policy));
  }, []);
  useEffect(() => {
    // The keyboard shortcut leaves a one-time hint: open on the Call report tab.
    popupTabHintItem.getValue().then((hint) => {
      if (hint !== 'call-report' && location.hash !== '#call-report') return;
      setTab('call-report');
      popupTabHintItem.setValue(null);
    });
  }, []);
  useEffect(() => {
    readActiveTab().then(async (read) => {
      setFacts(read);
      setTab((current) => current ?? (read ? 'this-page' : 'call-report'));
      if (read?.applicationId)
        setAtRisk((await (await loadAtRisk()).findAtRiskClient(read.applicationId)) !== undefined);
    });
  }, []);

  // "This page" belongs to no feature, so a selected tab the policy hides gives way to it. Until the
  // policy is read (seconds, at times, after the browser starts) every tab shows.
  const shown = POPUP_TABS.filter((spec) => featureShown(spec.feature, policy ?? {}));
  const current = shown.find((spec) => spec.id === tab) ?? shown[0];

  return (
    <main>
      <header>
        <h1>{t('popup.title')}</h1>
        {profile?.npn && <ProfileNpnBadge npn={profile.npn} planYear={profile.planYear} />}
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
          {t('common.openDashboard')}
        </button>
      </header>
      <ReferralTimer />
      {tab && current && profile && (
        <Tabs
          label={t('popup.tabs')}
          tabs={shown.map((spec) => ({ id: spec.id, label: t(spec.labelKey) }))}
          selected={current.id}
          onSelect={(id) => setTab(id as PopupTabId)}
        >
          {current.render({
            facts,
            profile,
            licenses: marketplace?.profile.licenses,
            policy,
            atRisk,
            teach: teachActiveTab,
            sample: sampleActiveTab,
          })}
        </Tabs>
      )}
      {/* Below the page's verdict: the popup opens on what the agent acts on now (issue 29). */}
      {profile && marketplace && (
        <ReadinessSummary profile={profile} licenses={marketplace.profile.licenses} />
      )}
    </main>
  );
}
