import { useEffect, useState } from 'preact/hooks';
import { useAgency } from '../../hooks/use-agency';
import { type DashboardPrefill, parseDashboardHash } from '../../lib/dashboard/link';
import { takePrefill } from '../../lib/dashboard/prefill.browser';
import { t } from '../../words/i18n';
import { sectionFor, shownSections } from './sections';

const NO_PREFILL: DashboardPrefill = {};

/**
 * The form values the link's one-time key points to, read (and deleted) once per hash; undefined while
 * they are read. A link without a key, or with one already used, opens its section empty.
 */
function usePrefill(hash: string, key: string | undefined): DashboardPrefill | undefined {
  const [taken, setTaken] = useState<{ hash: string; prefill: DashboardPrefill }>();
  useEffect(() => {
    if (!key) return;
    takePrefill(key).then(
      (prefill) => setTaken({ hash, prefill }),
      () => setTaken({ hash, prefill: {} }),
    );
  }, [hash]);
  if (!key) return NO_PREFILL;
  return taken?.hash === hash ? taken.prefill : undefined;
}

export function App() {
  // The whole hash is state: a new prefill for the same section must remount the section's form.
  const [hash, setHash] = useState(location.hash);
  const agency = useAgency();
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The first read of the managed store can take seconds after the browser starts (Chromium): until it
  // answers, the dashboard shows every section rather than nothing.
  const policy = agency?.parsed.policy ?? {};
  const { section: id, prefillKey } = parseDashboardHash(hash);
  const section = sectionFor(id, policy);
  const Section = section.component;
  const prefill = usePrefill(hash, prefillKey);

  return (
    <div class="layout">
      <nav aria-label={t('dashboard.sections')}>
        <h1>{t('dashboard.title')}</h1>
        {agency?.installed && <p class="badge-line">{t('policy.installedByAgency')}</p>}
        <ul>
          {shownSections(policy).map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} aria-current={s === section ? 'page' : undefined}>
                {t(s.labelKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main key={hash}>{prefill && <Section prefill={prefill} agency={agency} />}</main>
    </div>
  );
}
