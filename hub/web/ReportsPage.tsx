// Triage and filing across every agent of the agency: the extension's support table
// (components/call-reports/CallReportTable.tsx) fed by the staff API, an agent filter, marks for a selection, the
// open report's panel, and CSV/JSON exports (lib/call-reports/csv.ts). A mark acts on the selection or on
// every report of the filter, the count named on its button.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CallReportTable } from '../../components/call-reports/CallReportTable';
import { callReportCsvParts, callReportsJson } from '../../lib/call-reports/csv';
import { reportConsumerData } from '../../lib/call-reports/pii';
import { DEFAULT_QUERY, type ReportQuery } from '../../lib/call-reports/query';
import { csvWords } from '../../words/call-report-words';
import { downloadText, stamp } from '../../words/download';
import { tCode } from '../../words/i18n';
import { FILING_STATUSES, type FilingStatus, type HubReport } from '../src/staff/shapes';
import type { Me } from './App';
import { api, qs } from './api';
import { currentLang, h } from './messages';
import { ReportPanel } from './ReportPanel';

interface Page {
  rows: HubReport[];
  total: number;
  hasMore: boolean;
}
interface Agent {
  npn: string;
  deviceNames: string[];
}

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
  const [agents, setAgents] = useState<Agent[]>([]);
  const [page, setPage] = useState<Page>();
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string>();
  const [mark, setMark] = useState<FilingStatus>('filed-cms');
  const [message, setMessage] = useState({ text: '', error: false });
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
      setPage(await api<Page>(`/reports${qs(params)}`));
    } catch (err) {
      fail(err);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    load();
  }, [query, agent]);
  useEffect(() => {
    api<{ agents: Agent[] }>('/agents').then((a) => setAgents(a.agents), fail);
  }, []);

  const changeStatus = async (ids: string[], status: FilingStatus) => {
    const done = await api<{ changed: string[]; unchanged: string[] }>('/reports/status', {
      method: 'POST',
      body: { ids, status },
    });
    await load();
    return done;
  };
  const markSelected = async () => {
    try {
      const done = await changeStatus([...selected], mark);
      setMessage({ text: h('markedDone', done.changed.length, done.unchanged.length), error: false });
      setSelected(new Set());
    } catch (err) {
      fail(err);
    }
  };
  /** Every report of the filter, however many pages: the button names the count, and the hub checks it. */
  const markFiltered = async (count: number) => {
    try {
      const done = await api<{ changed: number; unchanged: number }>('/reports/status/filter', {
        method: 'POST',
        body: { filter: definedOnly(filterParams(query, agent)), status: mark, count },
      });
      setMessage({ text: h('markedDone', done.changed, done.unchanged), error: false });
      setSelected(new Set());
    } catch (err) {
      fail(err);
    }
    await load();
  };
  const exportAs = async (format: 'csv' | 'json') => {
    try {
      const { rows } = await api<{ rows: HubReport[] }>(
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
            onStatus={async (s) => {
              await changeStatus([open.report.id], s);
            }}
            onClose={() => setOpenId(undefined)}
          />
        ) : null}
      </div>
      {page && !rows.length ? <p>{h('noReports')}</p> : null}
    </section>
  );
}
