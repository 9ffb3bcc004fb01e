import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type ImportSource, ListImport } from '../../../../components/npn/ListImport';
import { NpnBadge } from '../../../../components/npn/NpnBadge';
import { NpnReadinessView } from '../../../../components/npn/NpnReadinessView';
import { NpnCheck } from '../../../../containers/NpnCheck';
import { useNpnStanding } from '../../../../hooks/use-npn-readiness';
import { useStoredProfile } from '../../../../hooks/use-stored-profile';
import { type ListFreshness, readinessTone } from '../../../../lib/npn/readiness';
import { importList, type ListKind, listFreshness, removeAbandonedLists } from '../../../../lib/npn/store';
import { effectiveSetting } from '../../../../lib/policy/managed.background';
import { badgePlanYear, currentPlanYear } from '../../../../lib/shared/plan-year';
import { rclPlanYearsItem, rclUrlItem, terminationUrlItem } from '../../../../lib/storage/settings';
import { t } from '../../../../words/i18n';

/** Downloads a list from an address the agent gave, with permission for that site only. */
async function download(url: string): Promise<Blob> {
  const origin = new URL(url).origin;
  // Asked for in the click's own task: browsers only grant permissions in answer to a gesture.
  const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
  if (!granted) throw new Error(t('registry.permissionDenied', [origin]));
  const response = await fetch(url).catch((err: Error) => {
    throw new Error(t('registry.downloadFailed', [err.message]));
  });
  if (!response.ok) throw new Error(t('registry.downloadFailed', [`HTTP ${response.status}`]));
  if ((response.headers.get('content-type') ?? '').includes('text/html'))
    throw new Error(t('registry.notCsv'));
  return response.blob();
}

function MyNpn({
  label,
  npn,
  planYear,
  refresh,
}: {
  label: string;
  npn: string;
  planYear: number;
  refresh: number;
}) {
  const standing = useNpnStanding(npn, planYear, refresh);
  if (!standing) return null;
  return (
    <details class="card" open={readinessTone(standing.readiness) === 'not-ready'}>
      <summary>
        {label} <NpnBadge readiness={standing.readiness} planYear={planYear} />
      </summary>
      <NpnReadinessView {...standing} planYear={planYear} />
    </details>
  );
}

export function RegistrySection() {
  const profile = useStoredProfile();
  const [refresh, setRefresh] = useState(0);
  const [fresh, setFresh] = useState<Record<ListKind, ListFreshness | null>>();
  const [urls, setUrls] = useState<Record<ListKind, string>>();
  const [planYears, setPlanYears] = useState<number[]>();
  const [locked, setLocked] = useState<Record<ListKind, boolean>>({ rcl: false, termination: false });

  useEffect(() => {
    removeAbandonedLists().catch(() => {});
    Promise.all([
      effectiveSetting('rclUrl', rclUrlItem),
      effectiveSetting('terminationListUrl', terminationUrlItem),
      effectiveSetting('rclPlanYears', rclPlanYearsItem),
    ]).then(([rcl, termination, years]) => {
      setUrls({ rcl: rcl.value, termination: termination.value });
      setLocked({ rcl: rcl.locked, termination: termination.locked });
      const now = currentPlanYear(new Date());
      setPlanYears(years.value ?? [now, now + 1]);
    });
  }, []);
  useEffect(() => {
    const now = new Date();
    Promise.all([listFreshness('rcl', now), listFreshness('termination', now)]).then(([rcl, termination]) =>
      setFresh({ rcl, termination }),
    );
  }, [refresh]);

  if (!profile || !fresh || !urls || !planYears) return null;

  const runImport =
    (kind: ListKind) =>
    async (
      source: ImportSource,
      control: { onProgress: (p: { rows: number; bytes: number }) => void; signal: AbortSignal },
    ) => {
      const input = 'file' in source ? source.file : await download(source.url);
      const fileName = 'file' in source ? source.file.name : source.url.split('/').pop() || source.url;
      const size = input.size;
      const { result } = await importList(kind, input, {
        fileName,
        planYears,
        signal: control.signal,
        // A download has no byte count until it arrives; report against the blob's size.
        onProgress: (p) => control.onProgress({ rows: p.rows, bytes: Math.min(p.bytes, size) }),
      });
      setRefresh((n) => n + 1);
      return { result, fileName };
    };
  const saveUrl = (kind: ListKind) => async (url: string) => {
    await (kind === 'rcl' ? rclUrlItem : terminationUrlItem).setValue(url);
    setUrls({ ...urls, [kind]: url });
  };

  return (
    <section class="stack" aria-labelledby="registry-heading">
      <h2 id="registry-heading">{t('registry.heading')}</h2>
      <p class="hint">{t('registry.intro')}</p>
      <h3>{t('registry.yours')}</h3>
      {profile.npn ? (
        <MyNpn
          label={t('registry.ownNpn', [profile.npn])}
          npn={profile.npn}
          planYear={badgePlanYear(profile.planYear, new Date())}
          refresh={refresh}
        />
      ) : (
        <p class="hint">{t('registry.noProfileNpn')}</p>
      )}
      {profile.overrideNpn && (
        <MyNpn
          label={t('registry.overrideNpn', [profile.overrideNpn])}
          npn={profile.overrideNpn}
          planYear={badgePlanYear(profile.planYear, new Date())}
          refresh={refresh}
        />
      )}
      <p class="hint">
        {t('registry.planYears')}: {planYears.join(', ')}. {t('registry.planYearsHint')}
      </p>
      <ListImport
        id="rcl"
        title={t('registry.rclTitle')}
        freshness={fresh.rcl}
        url={urls.rcl}
        urlLocked={locked.rcl}
        onSaveUrl={saveUrl('rcl')}
        onImport={runImport('rcl')}
      />
      <ListImport
        id="termination"
        title={t('registry.terminationTitle')}
        freshness={fresh.termination}
        url={urls.termination}
        urlLocked={locked.termination}
        onSaveUrl={saveUrl('termination')}
        onImport={runImport('termination')}
      />
      <h3>{t('registry.lookup')}</h3>
      <NpnCheck key={refresh} planYear={profile.planYear} id="registry-lookup" />
    </section>
  );
}
