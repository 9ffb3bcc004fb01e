// Triage and filing across every agent of the agency: the extension's support table
// (components/CallReportTable.tsx) fed by the staff API, an agent filter, marks for a selection, the
// open report's panel, and CSV/JSON exports (lib/call-reports/csv.ts).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CallReportTable } from '../../components/CallReportTable';
import { csvWords } from '../../components/call-report-words';
import { downloadText, stamp } from '../../components/download';
import { tCode } from '../../components/i18n';
import { callReportCsvParts, callReportsJson } from '../../lib/call-reports/csv';
import { reportConsumerData } from '../../lib/call-reports/pii';
import { DEFAULT_QUERY, type ReportQuery } from '../../lib/call-reports/query';
import { FILING_STATUSES, type FilingStatus, type HubReport } from '../src/staff/shapes';
import type { Me } from './App';
import { api, qs } from './api';
import { h } from './messages';
import { marksFiled, PiiBeforeMarking } from './PiiBeforeMarking';
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
  // Marking the selection filed while some of it looks like it holds consumer data: asked once.
  const [asking, setAsking] = useState(false);
  // The application ID of every report seen whose summary looks like it holds consumer data, by report
  // id: the selection may hold reports of pages no longer shown.
  const flagged = useRef(new Map<string, string>());
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
  const markSelected = async (asItIs = false) => {
    const withConsumerData = [...selected].flatMap((id) => flagged.current.get(id) ?? []);
    if (withConsumerData.length && marksFiled(mark) && !asItIs) {
      setAsking(true);
      return;
    }
    setAsking(false);
    try {
      const done = await changeStatus([...selected], mark);
      setMessage({ text: h('markedDone', done.changed.length, done.unchanged.length), error: false });
      setSelected(new Set());
    } catch (err) {
      fail(err);
    }
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
  const open = rows.find((r) => r.report.id === openId);
  const withConsumerData = useMemo(() => {
    const ids = new Set<string>();
    for (const { report } of rows) {
      if (reportConsumerData(report).length) {
        ids.add(report.id);
        flagged.current.set(report.id, report.applicationId);
      } else flagged.current.delete(report.id);
    }
    return ids;
  }, [rows]);
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
          <button type="button" disabled={!selected.size} onClick={() => markSelected()}>
            {h('markSelected')}
          </button>
          <button type="button" onClick={() => exportAs('csv')}>
            {h('exportCsv')}
          </button>
          <button type="button" onClick={() => exportAs('json')}>
            {h('exportJson')}
          </button>
          {asking ? (
            <PiiBeforeMarking
              applicationIds={[...selected].flatMap((id) => flagged.current.get(id) ?? [])}
              onMark={() => markSelected(true)}
              onCancel={() => setAsking(false)}
            />
          ) : null}
        </fieldset>
      ) : null}
      <p role="status" class={message.error ? 'status status-error' : 'status'}>
        {message.text}
      </p>
    </section>
  );
}
