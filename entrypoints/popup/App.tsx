import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CallReportForm } from '../../components/CallReportForm';
import { t } from '../../components/i18n';
import { Tabs } from '../../components/Tabs';
import { useStoredProfile } from '../../components/use-stored-profile';
import { saveCallReport } from '../../lib/db';

type Tab = 'call-report';

export function App() {
  const profile = useStoredProfile();
  const [tab, setTab] = useState<Tab>('call-report');
  return (
    <main>
      <header>
        <h1>{t('popup.title')}</h1>
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
          {t('common.openDashboard')}
        </button>
      </header>
      <Tabs
        label={t('popup.tabs')}
        tabs={[{ id: 'call-report', label: t('popup.callReportTab') }]}
        selected={tab}
        onSelect={(id) => setTab(id as Tab)}
      >
        {profile && (
          <CallReportForm
            planYear={profile.planYear}
            reporterName={profile.name || undefined}
            reporterNpn={profile.npn || undefined}
            onSave={(report) => saveCallReport(report)}
          />
        )}
      </Tabs>
    </main>
  );
}
