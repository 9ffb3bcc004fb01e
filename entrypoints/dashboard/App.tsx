import { useEffect, useState } from 'preact/hooks';
import { AtRiskSection } from '../../components/AtRiskSection';
import { CaseTable } from '../../components/CaseTable';
import { t } from '../../components/i18n';
import { lazyComponent } from '../../components/lazy';
import { PolicyPanel } from '../../components/PolicyPanel';
import { ProfileForm } from '../../components/ProfileForm';
import { WipeAllData } from '../../components/WipeAllData';
import { LanguageChoice } from '../../containers/LanguageChoice';
import { ProfileNpnBadge } from '../../containers/ProfileNpnBadge';
import { useCaseSends } from '../../hooks/use-case-sends';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useStoredProfile } from '../../hooks/use-stored-profile';
import { parseAtRiskCsv } from '../../lib/at-risk/list';
import { importAtRiskRows, listAtRiskClients } from '../../lib/at-risk/store';
import { listInvalidActionCases, setCaseStatus } from '../../lib/cases/store';
import { DASHBOARD_SECTIONS, type DashboardSection } from '../../lib/messages';
import { type ParsedPolicy, placeShown } from '../../lib/policy/keys';
import { installedByAgency, readPolicy, watchPolicy } from '../../lib/policy/managed.background';
import { dashboardHash, parseDashboardHash } from '../../lib/shared/dashboard-link';
import { atRiskLastVisitItem, profileItem } from '../../lib/storage/settings';
import { wipeAllData } from '../../lib/storage/wipe';
import { CallReportsSection as SupportCallReports } from './sections/CallReportsView';

// Sections with their own weight (NPN lists, Resume Links) load their code when opened: the section on
// screen (call reports with 50,000 rows, say) paints without parsing theirs first.
const RegistrySection = lazyComponent(() => import('./sections/RegistryView').then((m) => m.RegistrySection));
const ResumeLinkSection = lazyComponent(() =>
  import('./sections/ResumeLinksView').then((m) => m.ResumeLinkSection),
);

/** The agency's policy and whether IT installed the extension, kept current. */
function useAgency() {
  const [agency, setAgency] = useState<{ parsed: ParsedPolicy; installed: boolean }>();
  useEffect(() => {
    Promise.all([readPolicy(), installedByAgency()]).then(([parsed, installed]) =>
      setAgency({ parsed, installed }),
    );
    return watchPolicy((parsed) => setAgency((a) => ({ parsed, installed: a?.installed ?? false })));
  }, []);
  return agency;
}

const SECTION_LABELS: Record<DashboardSection, () => string> = {
  profile: () => t('dashboard.profile'),
  'call-reports': () => t('dashboard.callReports'),
  cases: () => t('dashboard.cases'),
  'at-risk': () => t('dashboard.atRisk'),
  'resume-link': () => t('resumeLink.tab'),
  'npn-registry': () => t('registry.heading'),
  agency: () => t('policy.heading'),
};

function readHash() {
  const { section, prefill } = parseDashboardHash(location.hash);
  const known = (DASHBOARD_SECTIONS as readonly string[]).includes(section);
  return { section: (known ? section : 'profile') as DashboardSection, prefill };
}

function CallReportsSection() {
  const [{ prefill }] = useState(readHash);
  return <SupportCallReports prefill={prefill} />;
}

function CasesSection() {
  const cases = useLiveQuery(() => listInvalidActionCases());
  const sends = useCaseSends();
  if (!cases) return null;
  return (
    <CaseTable
      cases={cases.cases}
      unreadable={cases.unreadable}
      {...sends}
      onStatusChange={(id, status) => setCaseStatus(id, status, new Date())}
      onLogCall={(c) => {
        location.hash = dashboardHash('call-reports', { applicationId: c.applicationId, state: c.state });
      }}
    />
  );
}

function AtRiskListSection() {
  const list = useLiveQuery(() => listAtRiskClients());
  // The visit before this one decides what counts as new; this visit is recorded for the next.
  const [previousVisit, setPreviousVisit] = useState<string | null>();
  useEffect(() => {
    atRiskLastVisitItem.getValue().then((last) => {
      setPreviousVisit(last);
      atRiskLastVisitItem.setValue(new Date().toISOString());
    });
  }, []);
  if (!list || previousVisit === undefined) return null;
  const newCount = previousVisit ? list.clients.filter((c) => c.firstSeenAt > previousVisit).length : 0;
  return (
    <AtRiskSection
      clients={list.clients}
      newSinceLastVisit={newCount}
      onImport={async (file) => {
        const parsed = await parseAtRiskCsv(file);
        const record = await importAtRiskRows(parsed.rows, {
          fileName: file.name,
          errors: parsed.errors.length,
          now: new Date(),
        });
        return { rows: record.rows, added: record.added, errors: parsed.errors };
      }}
    />
  );
}

export function App() {
  // The whole hash is state: a new prefill for the same section must remount the section's form.
  const [hash, setHash] = useState(location.hash);
  const { section } = readHash();
  const profile = useStoredProfile();
  const agency = useAgency();
  // A wipe reloads the page, so no form keeps showing what was deleted; the tab's history entry (not
  // storage, just emptied) carries the news across the reload, once.
  const [wiped] = useState(() => {
    const was = (history.state as { wiped?: boolean } | null)?.wiped === true;
    if (was) history.replaceState(null, '');
    return was;
  });
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <div class="layout">
      <nav aria-label={t('dashboard.sections')}>
        <h1>{t('dashboard.title')}</h1>
        {agency?.installed && <p class="badge-line">{t('policy.installedByAgency')}</p>}
        <ul>
          {DASHBOARD_SECTIONS.filter((s) => !agency || placeShown(s, agency.parsed.policy)).map((s) => (
            <li key={s}>
              <a href={`#${s}`} aria-current={s === section ? 'page' : undefined}>
                {SECTION_LABELS[s]()}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main key={hash}>
        {section === 'profile' && profile && agency && (
          <ProfileForm
            initial={profile}
            onSave={(p) => profileItem.setValue(p)}
            lockedOverrideNpn={
              agency.parsed.policy.overrideNpns?.length === 1
                ? agency.parsed.policy.overrideNpns[0]
                : undefined
            }
            npnBadge={<ProfileNpnBadge npn={profile.npn} planYear={profile.planYear} />}
          />
        )}
        {section === 'profile' && <LanguageChoice />}
        {section === 'profile' && (
          <WipeAllData
            wiped={wiped}
            onWipe={async () => {
              await wipeAllData();
              history.replaceState({ wiped: true }, '');
              location.reload();
            }}
          />
        )}
        {section === 'agency' && agency && <PolicyPanel parsed={agency.parsed} />}
        {section === 'call-reports' && <CallReportsSection />}
        {section === 'cases' && <CasesSection />}
        {section === 'at-risk' && <AtRiskListSection />}
        {section === 'resume-link' && <ResumeLinkSection prefill={readHash().prefill} />}
        {section === 'npn-registry' && <RegistrySection />}
      </main>
    </div>
  );
}
