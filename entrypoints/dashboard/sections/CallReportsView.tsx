// The dashboard's "Call reports" section: the support staff's table first (the agent's form behind a
// button), a report's details beside it, filing that waits for the person to say the email went out,
// exchange with other agents and the agency, backup and retention.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AgencyOutbox } from '../../../components/AgencyOutbox';
import { CallReportDetail } from '../../../components/CallReportDetail';
import { AwaitingConfirmation, FilingActions } from '../../../components/CallReportFiling';
import { CallReportForm } from '../../../components/CallReportForm';
import { CallReportTable } from '../../../components/CallReportTable';
import { ConflictResolution } from '../../../components/ConflictResolution';
import { csvWords } from '../../../components/call-report-words';
import { downloadText, stamp } from '../../../components/download';
import { t, tCode, tError, tProblem } from '../../../components/i18n';
import { SelectionBar, SupportToolbar } from '../../../components/SupportToolbar';
import { englishCsvWords } from '../../../hooks/english-words';
import { useHubConfig } from '../../../hooks/use-hub';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useEffectiveSetting } from '../../../hooks/use-setting';
import { useStoredProfile } from '../../../hooks/use-stored-profile';
import { exportEverything, restoreEverything } from '../../../lib/backup/backup';
import {
  discardSend,
  listQueuedSends,
  queueSend,
  retrySends,
  scheduleRetry,
} from '../../../lib/call-reports/agency-outbox.background';
import { checkEndpoint, postBundle } from '../../../lib/call-reports/agency-send';
import { makeBundle, parseBundle } from '../../../lib/call-reports/bundle';
import { callReportCsvParts, callReportsJson, callReportsToCsv } from '../../../lib/call-reports/csv';
import { writeEml } from '../../../lib/call-reports/eml';
import {
  type FilingTarget,
  type FilingVia,
  formatFilingEmail,
  MAILTO_MAX,
} from '../../../lib/call-reports/filing';
import { reportConsumerData } from '../../../lib/call-reports/pii';
import { DEFAULT_QUERY, type ReportQuery, searchTerms } from '../../../lib/call-reports/query';
import type { CallReport } from '../../../lib/call-reports/report';
import { nextRetentionRun } from '../../../lib/call-reports/retention.background';
import {
  allMatching,
  changeReports,
  confirmFiling,
  correctReport,
  countReports,
  deleteReports,
  dropFiling,
  expiredReports,
  findDuplicates,
  getReports,
  importReports,
  listFilingBatches,
  mergeDuplicateReports,
  queryReports,
  type ReportChange,
  rowsForCsv,
  saveCallReport,
  startFiling,
  stillMatching,
  undoChange,
  updateReports,
} from '../../../lib/call-reports/store';
import { actorName, moveTo, resolveConflict, StaleReportError } from '../../../lib/call-reports/workflow';
import { type DashboardPrefill, parseDashboardHash } from '../../../lib/dashboard/link';
import { sendReportsToHub } from '../../../lib/hub/hub.background';
import { FFM_HELP_DESK_EMAIL } from '../../../lib/shared/contacts';
import { sendingTo } from '../../../lib/shared/data-consent.browser';
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

/** Each report's section is several hundred characters once encoded: past a few, no link can hold them. */
const LINK_REPORTS_MAX = 5;

/** The filters of a query, without its page and order: a change here is what prunes the selection. */
const filtersOf = (q: ReportQuery) => JSON.stringify([q.status, q.state, q.issueType, q.from, q.to, q.text]);

export function CallReportsSection({ prefill }: { prefill: DashboardPrefill }) {
  const profile = useStoredProfile();
  // The agency's policy, where it sets these, wins over the agent's own settings.
  const platformSetting = useEffectiveSetting('platformSupportEmail', platformSupportEmailItem);
  const endpointSetting = useEffectiveSetting('reportsEndpointUrl', reportsEndpointItem);
  const retentionSetting = useEffectiveSetting('dataRetentionDays', reportRetentionDaysItem);
  const helpDesk = useEffectiveSetting('ffmHelpDeskEmail', FFM_HELP_DESK_ITEM);
  const platformEmail = platformSetting?.value;
  const endpoint = endpointSetting?.value;
  // An agency with a hub: Send to agency goes there, with this browser's device token.
  const hub = useHubConfig();
  const retentionDays = retentionSetting?.value;
  const helpDeskEmail = helpDesk?.value ?? FFM_HELP_DESK_EMAIL;
  // Opened from a page's "Log call report" (an application ID in the link): the form is what they came for.
  const [formOpen, setFormOpen] = useState(Boolean(prefill.applicationId));
  const [query, setQuery] = useState<ReportQuery>(DEFAULT_QUERY);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pruned, setPruned] = useState(0);
  const [openId, setOpenId] = useState<string>();
  const [lastChange, setLastChange] = useState<ReportChange>();
  const [early, setEarly] = useState<Page>();
  const tableArea = useRef<HTMLDivElement>(null);
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
  const batches = useLiveQuery(() => listFilingBatches(), []);
  const retentionForecast = useLiveQuery(
    async () => (retentionDays ? nextRetentionRun(retentionDays, new Date()) : undefined),
    [retentionDays],
  );
  const open = useLiveQuery(async () => (openId ? (await getReports([openId]))[0] : undefined), [openId]);
  // Read for the mail link's length only: the email itself is written from the reports as they are then.
  const [selectedReports, setSelectedReports] = useState<CallReport[]>([]);
  // Read again when the page is (a correction may have removed consumer data from a selected report).
  useEffect(() => {
    let stale = false;
    getReports([...selected]).then((r) => stale || setSelectedReports(r));
    return () => {
      stale = true;
    };
  }, [selected, page]);
  const rows = page?.reports ?? [];
  // Summaries that look like they hold consumer data: flagged in the table, asked about before filing.
  const withConsumerData = useMemo(
    () => new Set(rows.filter((r) => reportConsumerData(r).length).map((r) => r.id)),
    [rows],
  );
  const consumerDataIn = (reports: CallReport[]) =>
    reports.filter((r) => reportConsumerData(r).length).map((r) => r.applicationId);
  const duplicates = useLiveQuery(() => findDuplicates(rows), [page]);

  // Selection follows the view: reports the new filters hide leave the selection, and the person is told.
  const filters = filtersOf(query);
  useEffect(() => {
    if (!selected.size) return;
    let stale = false;
    stillMatching([...selected], query).then((kept) => {
      if (stale || kept.length === selected.size) return;
      setSelected(new Set(kept));
      setPruned(selected.size - kept.length);
    });
    return () => {
      stale = true;
    };
  }, [filters]);

  if (!profile || platformEmail === undefined || endpoint === undefined || retentionDays === undefined)
    return null;

  const me = actorName(profile);
  const actor = () => ({ by: me, now: new Date() });
  const chosen = () => getReports([...selected]);
  const forExport = async () => (selected.size ? chosen() : allMatching(query));
  const addressOf = (target: FilingTarget) => (target === 'cms' ? helpDeskEmail : (platformEmail ?? ''));
  const addresses = { cms: helpDeskEmail, platform: platformEmail };
  const fitsLink = (reports: CallReport[]) => (target: FilingTarget) =>
    reports.length > 0 &&
    reports.length <= LINK_REPORTS_MAX &&
    formatFilingEmail(reports, addressOf(target)).mailto.length <= MAILTO_MAX;

  /** Hands the email out one way, then records the batch as awaiting the person's confirmation. */
  async function handOut(reports: CallReport[], target: FilingTarget, via: FilingVia) {
    if (!reports.length) throw new Error(t('support.noneSelected'));
    const to = addressOf(target);
    const email = formatFilingEmail(reports, to);
    const now = new Date();
    if (via === 'mailto') {
      if (email.tooLong) throw new Error(t('support.tooLongForLink'));
      window.open(email.mailto, '_self');
    } else if (via === 'eml') {
      const name = `${t('support.emailFileName')}-${stamp(now)}`;
      // The email is in English for CMS and the platforms, and so is its spreadsheet.
      const csv = callReportsToCsv(reports, await englishCsvWords());
      const attachments = [{ fileName: `${name}.csv`, contentType: 'text/csv', text: csv }];
      const eml = writeEml({ to, subject: email.subject, text: email.body, attachments, date: now });
      downloadText(eml, `${name}.eml`, 'message/rfc822');
    } else {
      await navigator.clipboard.writeText(`${email.subject}\r\n\r\n${email.body}`);
    }
    await startFiling({
      id: crypto.randomUUID(),
      target,
      to,
      reportIds: reports.map((r) => r.id),
      via,
      startedAt: now.toISOString(),
      by: me,
    });
    const said = {
      mailto: 'support.handedMailto',
      eml: 'support.handedEml',
      copy: 'support.handedCopy',
    } as const;
    return t(said[via], [to]);
  }

  const awaitingList = batches ?? [];
  const awaiting = new Set(awaitingList.flatMap((b) => b.reportIds));
  const pageIds = rows.map((r) => r.id);
  const openIndex = openId ? pageIds.indexOf(openId) : -1;
  const closePanel = () => {
    const id = openId;
    setOpenId(undefined);
    // Back to the report's row, which the table made its one tab stop.
    if (id)
      requestAnimationFrame(() =>
        tableArea.current?.querySelector<HTMLElement>(`tr[data-id="${id}"]`)?.focus(),
      );
  };
  const confirmation = (ids?: string[]) => (
    <AwaitingConfirmation
      batches={ids ? awaitingList.filter((b) => ids.some((id) => b.reportIds.includes(id))) : awaitingList}
      onConfirm={async (id) => {
        const batch = awaitingList.find((b) => b.id === id);
        const moved = await confirmFiling(id, actor());
        // Filed reports leave the selection: the file buttons go quiet until the next choice.
        if (batch) setSelected((now) => new Set([...now].filter((r) => !batch.reportIds.includes(r))));
        return t('support.confirmedFiled', [String(moved), tCode('support.target', batch?.target ?? 'cms')]);
      }}
      onDrop={async (id) => {
        await dropFiling(id);
        return t('support.dropped');
      }}
    />
  );
  const openDuplicates = open ? duplicates?.get(open.id) : undefined;

  return (
    <>
      <section class="stack" aria-labelledby="reports-heading">
        <div class="section-head">
          <h2 id="reports-heading">{t('reports.heading')}</h2>
          <button type="button" aria-expanded={formOpen} onClick={() => setFormOpen(!formOpen)}>
            {formOpen ? t('support.closeForm') : t('support.newReport')}
          </button>
        </div>
        {formOpen && (
          <CallReportForm
            planYear={profile.planYear}
            reporterName={profile.name || undefined}
            reporterNpn={profile.npn || undefined}
            initial={{ applicationId: prefill.applicationId ?? '', state: prefill.state ?? '' }}
            consumerName={prefill.consumerName}
            onSave={(report) => saveCallReport(report)}
          />
        )}
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
        {confirmation()}
        <SelectionBar
          selectedCount={selected.size}
          shownCount={pageIds.filter((id) => selected.has(id)).length}
          onClearSelection={() => setSelected(new Set())}
          filing={
            <FilingActions
              count={selected.size}
              to={addresses}
              fitsLink={fitsLink(selectedReports)}
              consumerData={consumerDataIn(selectedReports)}
              onFile={async (target, via) => handOut(await chosen(), target, via)}
            />
          }
          onBulkStatus={async (status) => {
            const change = await changeReports([...selected], (r) => moveTo(r, status, actor()));
            setLastChange(change.after.length ? change : undefined);
            return t('support.bulkDone', [String(change.after.length)]);
          }}
          onUndo={
            lastChange &&
            (async () => {
              const back = await undoChange(lastChange);
              setLastChange(undefined);
              return t('support.undone', [String(back)]);
            })
          }
        />
        {pruned > 0 && (
          <p role="status" class="hint">
            {t('support.selectionPruned', [String(pruned)])}
          </p>
        )}
        <div class={open ? 'triage with-panel' : 'triage'} ref={tableArea}>
          <CallReportTable
            rows={rows}
            query={query}
            hasMore={page?.hasMore ?? false}
            total={total}
            loading={page?.query !== query}
            selected={selected}
            openId={openId}
            awaiting={awaiting}
            duplicates={new Set(duplicates?.keys() ?? [])}
            consumerData={withConsumerData}
            onQuery={(q) => {
              setPruned(0);
              setQuery(q);
            }}
            onOpen={setOpenId}
            onSelect={(ids, on) => {
              const next = new Set(selected);
              for (const id of ids) on ? next.add(id) : next.delete(id);
              setPruned(0);
              setSelected(next);
            }}
          />
          {open && (
            <CallReportDetail
              key={open.id}
              report={open}
              hasPrevious={openIndex > 0}
              hasNext={openIndex >= 0 && openIndex < pageIds.length - 1}
              onStep={(dir) => setOpenId(pageIds[openIndex + dir])}
              onClose={closePanel}
              duplicates={openDuplicates}
              onMergeDuplicates={
                openDuplicates &&
                (async () => {
                  await mergeDuplicateReports(
                    open.id,
                    openDuplicates.map((d) => d.id),
                    actor(),
                  );
                })
              }
              filing={
                <>
                  {confirmation([open.id])}
                  <FilingActions
                    count={1}
                    to={addresses}
                    fitsLink={fitsLink([open])}
                    consumerData={consumerDataIn([open])}
                    onFile={(target, via) => handOut([open], target, via)}
                  />
                </>
              }
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
              onResolve={async (keep) => {
                await updateReports([open.id], (r) => resolveConflict(r, keep, actor()));
              }}
            />
          )}
        </div>
        <SupportToolbar
          selectedCount={selected.size}
          endpoint={hub?.hubUrl ?? endpoint}
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
            downloadText(
              callReportCsvParts(reports, csvWords()),
              `${t('support.emailFileName')}-${stamp(new Date())}.csv`,
              'text/csv',
            );
            return t('support.exported', [String(reports.length)]);
          }}
          onExportJson={async () => {
            const reports = await forExport();
            downloadText(
              callReportsJson(reports, new Date()),
              `call-reports-${stamp(new Date())}.tools.json`,
              'application/json',
            );
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
            if (hub) {
              const reports = await forExport();
              const c = await sendReportsToHub(reports, actorName(profile)).catch((err) => {
                throw new Error(tError(err));
              });
              const sent = t('hub.sent', [
                String(reports.length - c.setAside),
                String(c.added),
                String(c.updated),
                String(c.unchanged),
              ]);
              return [
                sent,
                c.setAside ? t('hub.refusedSome', [String(c.setAside)]) : '',
                c.heldElsewhere ? t('hub.heldElsewhereSome', [String(c.heldElsewhere)]) : '',
              ]
                .filter(Boolean)
                .join(' ');
            }
            const checked = checkEndpoint(endpoint);
            if (!checked.ok) throw new Error(tProblem(checked.problem));
            // Only this origin (and, in Firefox, sending it the reports), asked for when the person sends
            // (a user gesture), never all sites.
            const granted = await browser.permissions.request(sendingTo([`${checked.origin}/*`]));
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
