// The dashboard's "Call reports" section: the agent's form, and the support staff's table, filing,
// exchange with other agents and the agency, backup and retention.
import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AgencyOutbox } from '../../../components/AgencyOutbox';
import { CallReportDetail } from '../../../components/CallReportDetail';
import { CallReportForm } from '../../../components/CallReportForm';
import { CallReportTable } from '../../../components/CallReportTable';
import { ConflictResolution } from '../../../components/ConflictResolution';
import { downloadText, stamp } from '../../../components/download';
import { t, tProblem } from '../../../components/i18n';
import { SupportToolbar } from '../../../components/SupportToolbar';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useEffectiveSetting } from '../../../hooks/use-setting';
import { useStoredProfile } from '../../../hooks/use-stored-profile';
import {
  discardSend,
  listQueuedSends,
  queueSend,
  retrySends,
  scheduleRetry,
} from '../../../lib/call-reports/agency-outbox.background';
import { checkEndpoint, postBundle } from '../../../lib/call-reports/agency-send';
import { makeBundle, parseBundle } from '../../../lib/call-reports/bundle';
import { callReportCsvParts } from '../../../lib/call-reports/csv';
import { formatFilingEmail } from '../../../lib/call-reports/filing';
import { DEFAULT_QUERY, type ReportQuery, searchTerms } from '../../../lib/call-reports/query';
import type { CallReport } from '../../../lib/call-reports/report';
import { nextRetentionRun } from '../../../lib/call-reports/retention.background';
import {
  allMatching,
  correctReport,
  countReports,
  deleteReports,
  expiredReports,
  getReports,
  importReports,
  queryReports,
  rowsForCsv,
  saveCallReport,
  updateReports,
} from '../../../lib/call-reports/store';
import { actorName, moveTo, resolveConflict, StaleReportError } from '../../../lib/call-reports/workflow';
import { FFM_HELP_DESK_EMAIL } from '../../../lib/shared/contacts';
import { type DashboardPrefill, parseDashboardHash } from '../../../lib/shared/dashboard-link';
import { exportEverything, restoreEverything } from '../../../lib/storage/backup';
import {
  platformSupportEmailItem,
  reportRetentionDaysItem,
  reportsEndpointItem,
} from '../../../lib/storage/settings';

/** The FFM help desk address has no setting of its own: only the agency's policy can change it. */
const FFM_HELP_DESK_ITEM = { getValue: async () => FFM_HELP_DESK_EMAIL, watch: () => () => {} };

type Page = Awaited<ReturnType<typeof queryReports>> & { query: ReportQuery };

// Asked for as the dashboard's scripts load, while the language and the settings are still being read:
// the database opens and the first page is read by the time the section first renders.
const firstPage: Promise<Page> | undefined =
  parseDashboardHash(location.hash).section === 'call-reports'
    ? queryReports(DEFAULT_QUERY).then((p) => ({ ...p, query: DEFAULT_QUERY }))
    : undefined;

const asText = (reports: CallReport[], to: string) => {
  const email = formatFilingEmail(reports, to);
  return `${email.subject}\r\n\r\n${email.body}`;
};

export function CallReportsSection({ prefill }: { prefill: DashboardPrefill }) {
  const profile = useStoredProfile();
  // The agency's policy, where it sets these, wins over the agent's own settings.
  const platformSetting = useEffectiveSetting('platformSupportEmail', platformSupportEmailItem);
  const endpointSetting = useEffectiveSetting('reportsEndpointUrl', reportsEndpointItem);
  const retentionSetting = useEffectiveSetting('dataRetentionDays', reportRetentionDaysItem);
  const helpDesk = useEffectiveSetting('ffmHelpDeskEmail', FFM_HELP_DESK_ITEM);
  const platformEmail = platformSetting?.value;
  const endpoint = endpointSetting?.value;
  const retentionDays = retentionSetting?.value;
  const helpDeskEmail = helpDesk?.value ?? FFM_HELP_DESK_EMAIL;
  const [query, setQuery] = useState<ReportQuery>(DEFAULT_QUERY);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string>();
  const [early, setEarly] = useState<Page>();
  useLayoutEffect(() => {
    firstPage?.then(setEarly, () => {});
  }, []);
  const live = useLiveQuery(() => queryReports(query).then((p): Page => ({ ...p, query })), [query]);
  const page = live ?? (query === DEFAULT_QUERY ? early : undefined);
  // A summary search reads every match for its page and counts them there: not a second time here.
  const counted = useLiveQuery(
    async () => (searchTerms(query.text).length ? undefined : countReports(query)),
    [query],
  );
  const total = page?.query === query && page.total !== undefined ? page.total : counted;
  const outbox = useLiveQuery(() => listQueuedSends(), []);
  const retentionForecast = useLiveQuery(
    async () => (retentionDays ? nextRetentionRun(retentionDays, new Date()) : undefined),
    [retentionDays],
  );
  const open = useLiveQuery(async () => (openId ? (await getReports([openId]))[0] : undefined), [openId]);
  if (!profile || platformEmail === undefined || endpoint === undefined || retentionDays === undefined)
    return null;

  const actor = () => ({ by: actorName(profile), now: new Date() });
  const chosen = () => getReports([...selected]);
  const forExport = async () => (selected.size ? chosen() : allMatching(query));

  async function file(reports: CallReport[], target: 'cms' | 'platform') {
    if (!reports.length) throw new Error(t('support.noneSelected'));
    const to = target === 'cms' ? helpDeskEmail : (platformEmail ?? '');
    const email = formatFilingEmail(reports, to);
    let text: string;
    if (email.tooLong) {
      await navigator.clipboard.writeText(`${email.subject}\r\n\r\n${email.body}`);
      text = t('support.tooLongCopied', [to]);
    } else {
      window.open(email.mailto, '_self');
      text = t('support.emailOpened', [String(reports.length)]);
    }
    const status = target === 'cms' ? 'filed-cms' : 'filed-platform';
    await updateReports(
      reports.map((r) => r.id),
      (r) => moveTo(r, status, actor()),
    );
    return text;
  }

  const rows = page?.reports ?? [];
  return (
    <>
      <CallReportForm
        planYear={profile.planYear}
        reporterName={profile.name || undefined}
        reporterNpn={profile.npn || undefined}
        initial={{ applicationId: prefill.applicationId ?? '', state: prefill.state ?? '' }}
        onSave={(report) => saveCallReport(report)}
      />
      <section class="stack" aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('reports.heading')}</h2>
        {total === 0 &&
        !query.status &&
        !query.state &&
        !query.issueType &&
        !query.text &&
        !query.from &&
        !query.to ? (
          <p class="hint">{t('reports.empty')}</p>
        ) : null}
        {page?.unreadable ? (
          <p class="status status-error" role="alert">
            {t('reports.unreadable', [String(page.unreadable)])}
          </p>
        ) : null}
        <CallReportTable
          rows={rows}
          query={query}
          hasMore={page?.hasMore ?? false}
          total={total}
          loading={page?.query !== query}
          selected={selected}
          openId={openId}
          onQuery={setQuery}
          onOpen={setOpenId}
          onSelect={(ids, on) => {
            const next = new Set(selected);
            for (const id of ids) on ? next.add(id) : next.delete(id);
            setSelected(next);
          }}
        />
        {open && (
          <CallReportDetail
            key={open.id}
            report={open}
            helpDeskEmail={helpDeskEmail}
            platformEmail={platformEmail}
            onStatus={async (s) => {
              await updateReports([open.id], (r) => moveTo(r, s, actor()));
            }}
            onCorrect={async (summary, openedSummary) => {
              try {
                await correctReport(open.id, openedSummary, { summary }, actor());
              } catch (err) {
                throw err instanceof StaleReportError ? new Error(t('support.changedElsewhere')) : err;
              }
            }}
            onFile={async (reports, target) => {
              await file(reports, target);
            }}
            onCopy={(reports) => navigator.clipboard.writeText(asText(reports, helpDeskEmail))}
            onResolve={async (keep) => {
              await updateReports([open.id], (r) => resolveConflict(r, keep, actor()));
            }}
          />
        )}
        <SupportToolbar
          selectedCount={selected.size}
          endpoint={endpoint}
          onClearSelection={() => setSelected(new Set())}
          onFile={async (target) => file(await chosen(), target)}
          onCopy={async () => {
            await navigator.clipboard.writeText(asText(await chosen(), helpDeskEmail));
            return t('common.copied');
          }}
          onExportBundle={async () => {
            const reports = await forExport();
            const bundle = makeBundle(reports, new Date(), actorName(profile));
            downloadText(
              JSON.stringify(bundle),
              `call-reports-${stamp(new Date())}.json`,
              'application/json',
            );
            return t('support.exported', [String(reports.length)]);
          }}
          onExportCsv={async () => {
            const reports = selected.size ? await chosen() : await rowsForCsv(query);
            downloadText(callReportCsvParts(reports), `call-reports-${stamp(new Date())}.csv`, 'text/csv');
            return t('support.exported', [String(reports.length)]);
          }}
          onImport={async (f) => {
            const parsed = parseBundle(await f.text());
            if (!parsed.ok) throw new Error(tProblem(parsed.problem));
            const c = await importReports(parsed.bundle.reports);
            return t('support.imported', [
              String(c.added),
              String(c.updated),
              String(c.unchanged),
              String(c.conflict),
            ]);
          }}
          onSend={async () => {
            const checked = checkEndpoint(endpoint);
            if (!checked.ok) throw new Error(tProblem(checked.problem));
            // Only this origin, asked for when the person sends (a user gesture), never all sites.
            const granted = await browser.permissions.request({ origins: [`${checked.origin}/*`] });
            if (!granted) throw new Error(t('support.permissionRefused', [checked.origin]));
            const reports = await forExport();
            const body = JSON.stringify(makeBundle(reports, new Date(), actorName(profile)));
            const sent = await postBundle(checked.url.href, body);
            if (!sent.ok) {
              const failed = { attempts: sent.attempts, error: sent.error };
              await queueSend(
                { endpoint: checked.url.href, body, reports: reports.length, ...failed },
                new Date(),
              );
              await scheduleRetry();
              throw new Error(t('support.sendFailed', [String(sent.attempts), sent.error]));
            }
            return t('support.sent', [String(reports.length)]);
          }}
        />
        <AgencyOutbox
          sends={outbox?.sends ?? []}
          onRetry={async (id) => {
            const sent = await retrySends(new Date(), { ids: [id] });
            await scheduleRetry();
            return sent > 0;
          }}
          onDiscard={async (id) => {
            await discardSend(id);
            await scheduleRetry();
          }}
        />
      </section>
      <ConflictResolution
        locked={{
          platformEmail: platformSetting?.locked,
          endpoint: endpointSetting?.locked,
          retentionDays: retentionSetting?.locked,
        }}
        platformEmail={platformEmail}
        endpoint={endpoint}
        retentionDays={retentionDays}
        retentionForecast={retentionForecast}
        onSaveSettings={async (s) => {
          if (s.endpoint) {
            const checked = checkEndpoint(s.endpoint);
            if (!checked.ok) throw new Error(tProblem(checked.problem));
          }
          if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.platformEmail)) throw new Error(t('support.badEmail'));
          await platformSupportEmailItem.setValue(s.platformEmail);
          await reportsEndpointItem.setValue(s.endpoint.trim());
          await reportRetentionDaysItem.setValue(Math.max(0, Math.min(3650, Math.floor(s.retentionDays))));
          return t('support.settingsSaved');
        }}
        onBackup={async () => {
          const backup = await exportEverything(new Date());
          downloadText(
            JSON.stringify(backup),
            `aor-guard-backup-${stamp(new Date())}.json`,
            'application/json',
          );
          return t('support.backedUp');
        }}
        onRestore={async (f) => {
          const result = await restoreEverything(await f.text());
          if (!result.ok) throw new Error(tProblem(result.problem));
          return t('support.restored', [String(result.rows)]);
        }}
        onPreviewRetention={() => expiredReports(retentionDays, new Date())}
        onDelete={async (ids) => {
          await deleteReports(ids);
          return t('support.deleted', [String(ids.length)]);
        }}
      />
    </>
  );
}
