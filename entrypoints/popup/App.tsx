import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../components/i18n';
import { lazyComponent } from '../../components/lazy';
import { PagePanel } from '../../components/PagePanel';
import { Tabs } from '../../components/Tabs';
import { useStoredProfile } from '../../hooks/use-stored-profile';
import { type PageFactsRequest, pageFactsReplySchema } from '../../lib/messages';
import { type Policy, placeShown } from '../../lib/policy/keys';
import { readPolicy } from '../../lib/policy/managed.background';
import type { PageFacts } from '../../lib/sites';
import { popupTabHintItem } from '../../lib/storage/settings';

type Tab = 'this-page' | 'call-report' | 'resume-link' | 'npn-check';

// The database (Dexie) and the other tabs load when first needed: the popup opens on "This page".
const loadAtRisk = () => import('../../lib/at-risk/store');
const loadReports = () => import('../../lib/call-reports/store');
const CallReportForm = lazyComponent(() =>
  import('../../components/CallReportForm').then((m) => m.CallReportForm),
);
const NpnCheck = lazyComponent(() => import('../../containers/NpnCheck').then((m) => m.NpnCheck));
const ResumeLinkPanel = lazyComponent(() =>
  import('../../containers/ResumeLinkPanel').then((m) => m.ResumeLinkPanel),
);
const ProfileNpnBadge = lazyComponent(() =>
  import('../../containers/ProfileNpnBadge').then((m) => m.ProfileNpnBadge),
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

export function App() {
  const profile = useStoredProfile();
  const [facts, setFacts] = useState<PageFacts | null>();
  const [atRisk, setAtRisk] = useState(false);
  const [tab, setTab] = useState<Tab>();
  const [policy, setPolicy] = useState<Policy>({});
  useEffect(() => {
    readPolicy().then((parsed) => setPolicy(parsed.policy));
  }, []);
  useEffect(() => {
    // The keyboard shortcut (issue 6) leaves a one-time hint: open on the Call report tab.
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

  return (
    <main>
      <header>
        <h1>{t('popup.title')}</h1>
        {profile?.npn && <ProfileNpnBadge npn={profile.npn} planYear={profile.planYear} />}
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
          {t('common.openDashboard')}
        </button>
      </header>
      {tab && profile && (
        <Tabs
          label={t('popup.tabs')}
          tabs={[
            { id: 'this-page', label: t('popup.thisPageTab') },
            { id: 'call-report', label: t('popup.callReportTab') },
            { id: 'resume-link', label: t('resumeLink.tab') },
            { id: 'npn-check', label: t('npnCheck.heading') },
          ].filter((tabSpec) => placeShown(tabSpec.id, policy))}
          selected={tab}
          onSelect={(id) => setTab(id as Tab)}
        >
          {tab === 'this-page' && (
            <PagePanel facts={facts} profile={profile} policy={policy} atRisk={atRisk} />
          )}
          {tab === 'resume-link' && (
            <ResumeLinkPanel
              initial={{
                link: facts?.resumeLink ?? '',
                consumerName: facts?.consumerName ?? '',
                applicationId: facts?.applicationId ?? '',
              }}
              planYear={facts?.planYear}
              site={facts?.site}
              eap={facts?.enrolleeAssistance}
              overrideNpn={facts?.overrideNpn}
            />
          )}
          {tab === 'npn-check' && <NpnCheck planYear={profile.planYear} />}
          {tab === 'call-report' && (
            <CallReportForm
              planYear={profile.planYear}
              reporterName={profile.name || undefined}
              reporterNpn={profile.npn || undefined}
              initial={{ applicationId: facts?.applicationId ?? '', state: facts?.state ?? '' }}
              onSave={async (report) => (await loadReports()).saveCallReport(report)}
            />
          )}
        </Tabs>
      )}
    </main>
  );
}
