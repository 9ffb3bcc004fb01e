// Triage and filing across every agent of the agency: the extension's support table
// (components/call-reports/CallReportTable.tsx) fed by the staff API, an agent filter, marks for a selection, the
// open report's panel, and CSV/JSON exports (lib/call-reports/csv.ts). A mark acts on the selection or on
// every report of the filter, the count named on its button.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CallReportTable } from '#components/call-reports/CallReportTable';
import { callReportCsvParts, callReportsJson } from '#lib/call-reports/csv';
import { type PiiFinding, reportConsumerData } from '#lib/call-reports/pii';
import { DEFAULT_QUERY, type ReportQuery } from '#lib/call-reports/query';
import {
  type AgentList,
  type ConsumerDataChoice,
  FILING_STATUSES,
  type FilingStatus,
  type FilterStatusChanged,
  type FlaggedReports,
  type HubAgent,
  type HubReport,
  type StaffMe as Me,
  type Redaction,
  type ReportExport,
  type ReportPage,
  type StatusChange,
  type StatusChanged,
} from '#lib/hub/contract/staff';
import { csvWords } from '#words/call-report-words';
import { downloadText, stamp } from '#words/download';
import { tCode } from '#words/i18n';
import { api, qs } from './api';
import { currentLang, h } from './messages';
import { flaggedBy, PiiBeforeBulkMark } from './PiiBeforeMarking';
import { ReportPanel } from './ReportPanel';

const filterParams = (q: ReportQuery, agent: string) => ({
  status: q.status,
  state: q.state,
  issueType: q.issueType,
  from: q.from,
  to: q.to,
  text: q.text,
  agent,
});

/** The filter's fields that are set: an empty field (no agent chosen) filters nothing. */
const definedOnly = (f: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== ''));

export function ReportsPage(props: { me: Me }) {
  const [query, setQuery] = useState<ReportQuery>(DEFAULT_QUERY);
  const [agent, setAgent] = useState('');
  const [agents, setAgents] = useState<HubAgent[]>([]);
  const [page, setPage] = useState<ReportPage>();
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string>();
  const [mark, setMark] = useState<FilingStatus>('filed-cms');
  const [message, setMessage] = useState({ text: '', error: false });
  /** A mark the hub held back for consumer data in some of the chosen reports, until the person chooses. */
  const [held, setHeld] = useState<{
    flagged: FlaggedReports;
    chosen: number;
    retry(choice: ConsumerDataChoice): Promise<void>;
  }>();
  const canFile = props.me.user.role !== 'agent';

  const fail = (err: unknown) => {
    setMessage({ text: h('failed', (err as Error).message), error: true });
  };
  const load = async () => {
    setLoading(true);
    try {
      const params = {
        ...filterParams(query, agent),
        sort: query.sort,
        dir: query.dir,
        offset: query.offset,
        limit: query.limit,
      };
      setPage(await api<ReportPage>(`/reports${qs(params)}`));
    } catch (err) {
      fail(err);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    load();
  }, [query, agent]);
  // A question about other reports than those now chosen is no longer the person's.
  useEffect(() => setHeld(undefined), [selected, query, agent, mark]);
  useEffect(() => {
    api<AgentList>('/agents').then((a) => setAgents(a.agents), fail);
  }, []);

  const changeStatus = async (ids: string[], status: FilingStatus, consumerData?: ConsumerDataChoice) => {
    const done = await api<StatusChanged>('/reports/status', {
      method: 'POST',
      body: { ids, status, consumerData } satisfies StatusChange,
    });
    await load();
    return done;
  };
  const told = (done: FilterStatusChanged) => {
    setMessage({
      text: done.skipped
        ? h('markedSkipped', done.changed, done.unchanged, done.skipped)
        : h('markedDone', done.changed, done.unchanged),
      error: false,
    });
    setSelected(new Set());
  };
  /**
   * A mark sent; held back for consumer data, the person is asked and their choice sent with it again (and
   * asked again, should the hub flag another number of reports by then).
   */
  const tryMark = async (
    chosen: number,
    send: (c?: ConsumerDataChoice) => Promise<void>,
    choice?: ConsumerDataChoice,
  ): Promise<void> => {
    setHeld(undefined);
    try {
      await send(choice);
    } catch (err) {
      const flagged = flaggedBy(err);
      if (!flagged) return fail(err);
      setHeld({ flagged, chosen, retry: (next) => tryMark(chosen, send, next) });
    }
  };
  const markSelected = () => {
    const ids = [...selected];
    return tryMark(ids.length, async (consumerData) => {
      const done = await changeStatus(ids, mark, consumerData);
      told({ changed: done.changed.length, unchanged: done.unchanged.length, skipped: done.skipped.length });
    });
  };
  /** Every report of the filter, however many pages: the button names the count, and the hub checks it. */
  const markFiltered = (count: number) => {
    const filter = definedOnly(filterParams(query, agent));
    const status = mark;
    return tryMark(count, async (consumerData) => {
      try {
        told(
          await api<FilterStatusChanged>('/reports/status/filter', {
            method: 'POST',
            body: { filter, status, count, consumerData },
          }),
        );
      } finally {
        await load();
      }
    });
  };
  const redact = async (row: HubReport, findings: PiiFinding[]) => {
    await api(`/reports/${row.report.id}/redact`, {
      method: 'POST',
      body: {
        version: row.version,
        findings: findings.map(({ kind, start, end }) => ({ kind, start, end })),
      } satisfies Redaction,
    });
    await load();
  };
  const exportAs = async (format: 'csv' | 'json') => {
    try {
      const { rows } = await api<ReportExport>(
        `/reports/export${qs({ ...filterParams(query, agent), format })}`,
      );
      const reports = rows.map((r) => r.report);
      const now = new Date();
      if (format === 'csv')
        downloadText(
          callReportCsvParts(reports, csvWords()),
          `hub-call-reports-${stamp(now)}.csv`,
          'text/csv',
        );
      else
        downloadText(
          callReportsJson(reports, now),
          `hub-call-reports-${stamp(now)}.json`,
          'application/json',
        );
      setMessage({ text: h('exported', reports.length), error: false });
    } catch (err) {
      fail(err);
    }
  };

  const rows = page?.rows ?? [];
  const total = page?.total ?? 0;
  const open = rows.find((r) => r.report.id === openId);
  // Summaries that look like they hold consumer data (lib/call-reports/pii.ts), flagged as in the extension.
  const withConsumerData = useMemo(
    () => new Set(rows.filter((r) => reportConsumerData(r.report).length).map((r) => r.report.id)),
    [rows],
  );
  return (
    <section class="stack" aria-labelledby="reports-heading">
      <h2 id="reports-heading">{h('reportsHeading')}</h2>
      <label class="agent-filter">
        {h('agent')}{' '}
        <select
          value={agent}
          onChange={(e) => {
            setAgent((e.currentTarget as HTMLSelectElement).value);
            setQuery({ ...query, offset: 0 });
          }}
        >
          <option value="">{h('anyAgent')}</option>
          {agents.map((a) => (
            <option key={a.npn} value={a.npn}>
              {h('agentOption', a.npn, a.deviceNames.join(', '))}
            </option>
          ))}
        </select>
      </label>
      {/* Above the table: the marks and what they did stay in view, however long the page. */}
      {canFile ? (
        <fieldset class="actions">
          <legend>{h('markSelected')}</legend>
          <span>{h('selectedCount', selected.size)}</span>
          <label>
            {h('newStatus')}{' '}
            <select
              value={mark}
              onChange={(e) => setMark((e.currentTarget as HTMLSelectElement).value as FilingStatus)}
            >
              {FILING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {tCode('support.status', s)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!selected.size} onClick={markSelected}>
            {h('markSelected')}
          </button>
          {total > 0 ? (
            <button type="button" onClick={() => markFiltered(total)}>
              {h('markFiltered', total.toLocaleString(currentLang()))}
            </button>
          ) : null}
          <button type="button" onClick={() => exportAs('csv')}>
            {h('exportCsv')}
          </button>
          <button type="button" onClick={() => exportAs('json')}>
            {h('exportJson')}
          </button>
        </fieldset>
      ) : null}
      {held ? (
        <PiiBeforeBulkMark
          flagged={held.flagged}
          chosen={held.chosen}
          onSkip={() => held.retry({ action: 'skip', count: held.flagged.count })}
          onMark={() => held.retry({ action: 'mark', count: held.flagged.count })}
          onCancel={() => setHeld(undefined)}
        />
      ) : null}
      <p role="status" class={message.error ? 'status status-error' : 'status'}>
        {message.text}
      </p>
      <div class={open ? 'triage with-panel' : 'triage'}>
        <CallReportTable
          rows={rows.map((r) => r.report)}
          query={query}
          hasMore={page?.hasMore ?? false}
          total={page?.total}
          loading={loading}
          selected={selected}
          openId={openId}
          consumerData={withConsumerData}
          onQuery={setQuery}
          onSelect={(ids, on) => {
            const next = new Set(selected);
            for (const id of ids) on ? next.add(id) : next.delete(id);
            setSelected(next);
          }}
          onOpen={setOpenId}
        />
        {open ? (
          <ReportPanel
            row={open}
            canFile={canFile}
            onStatus={async (s, asItIs) => {
              await changeStatus([open.report.id], s, asItIs ? { action: 'mark', count: 1 } : undefined);
            }}
            onRedact={canFile ? (findings) => redact(open, findings) : undefined}
            onClose={() => setOpenId(undefined)}
          />
        ) : null}
      </div>
      {page && !rows.length ? <p>{h('noReports')}</p> : null}
    </section>
  );
}
