import { useEffect, useState } from 'preact/hooks';
import { CallReportForm } from '../../components/CallReportForm';
import { CallReportList } from '../../components/CallReportList';
import { t } from '../../components/i18n';
import { ProfileForm } from '../../components/ProfileForm';
import { useLiveQuery } from '../../components/use-live-query';
import { useStoredProfile } from '../../components/use-stored-profile';
import { listCallReports, saveCallReport } from '../../lib/db';
import { profileItem } from '../../lib/settings';

const SECTIONS = ['profile', 'call-reports'] as const;
type Section = (typeof SECTIONS)[number];
const SECTION_LABELS: Record<Section, () => string> = {
  profile: () => t('dashboard.profile'),
  'call-reports': () => t('dashboard.callReports'),
};

function sectionFromHash(): Section {
  const hash = location.hash.slice(1);
  return (SECTIONS as readonly string[]).includes(hash) ? (hash as Section) : 'profile';
}

export function App() {
  const [section, setSection] = useState<Section>(sectionFromHash);
  const profile = useStoredProfile();
  const reports = useLiveQuery(() => listCallReports());
  useEffect(() => {
    const onHash = () => setSection(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <div class="layout">
      <nav aria-label={t('dashboard.sections')}>
        <h1>{t('dashboard.title')}</h1>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`} aria-current={s === section ? 'page' : undefined}>
                {SECTION_LABELS[s]()}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {section === 'profile' && profile && (
          <ProfileForm initial={profile} onSave={(p) => profileItem.setValue(p)} />
        )}
        {section === 'call-reports' && (
          <>
            {profile && (
              <CallReportForm
                planYear={profile.planYear}
                reporterName={profile.name || undefined}
                reporterNpn={profile.npn || undefined}
                onSave={(report) => saveCallReport(report)}
              />
            )}
            {reports && <CallReportList reports={reports.reports} unreadable={reports.unreadable} />}
          </>
        )}
      </main>
    </div>
  );
}
