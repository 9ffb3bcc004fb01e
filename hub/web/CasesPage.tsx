// Invalid Action cases across the agency's agents, with HealthSherpa's statuses (lib/cases/case.ts),
// filtered by status, a page at a time, the whole filter exported as CSV (lib/shared/csv.ts) or JSON.
import { useEffect, useState } from 'preact/hooks';
import { CASE_STATUSES, type CaseStatus } from '#lib/cases/case';
import { CASES_EXPORT_MAX, type CasePage, type HubCase } from '#lib/hub/contract/staff';
import { toCsv } from '#lib/shared/csv';
import { downloadText, stamp } from '#words/download';
import { AdminTable, type Column } from './AdminTable';
import { api, qs } from './api';
import { hubTime } from './dates';
import { type HubKey, h } from './messages';
import { PageButtons } from './PageButtons';

const statusWords = (s: CaseStatus) => h(`case.${s}` as HubKey);

const COLUMNS = [
  { key: 'applicationId', header: 'col.application' },
  { key: 'planYear', header: 'col.planYear' },
  { key: 'consumerName', header: 'col.client' },
  { key: 'state', header: 'col.state' },
  { key: 'agent', header: 'col.agent' },
  { key: 'errorSeenAt', header: 'col.errorSeen' },
  { key: 'lastSeenAt', header: 'col.lastSeen' },
  { key: 'status', header: 'col.status' },
] as const;

const PAGE = 100;

const agentOf = (c: HubCase) => [c.deviceName, c.agentNpn && `(NPN ${c.agentNpn})`].filter(Boolean).join(' ');

const CASE_COLUMNS: Column<HubCase>[] = [
  { header: 'col.application', cell: (c) => c.case.applicationId, rowHeader: true },
  { header: 'col.planYear', cell: (c) => c.case.planYear },
  { header: 'col.client', cell: (c) => c.case.consumerName ?? '' },
  { header: 'col.state', cell: (c) => c.case.state ?? '' },
  { header: 'col.agent', cell: agentOf },
  { header: 'col.errorSeen', cell: (c) => hubTime(c.case.errorSeenAt) },
  { header: 'col.lastSeen', cell: (c) => hubTime(c.case.lastSeenAt) },
  { header: 'col.status', cell: (c) => statusWords(c.case.status) },
];

export function CasesPage() {
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<CasePage>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    api<CasePage>(`/cases${qs({ status, offset: String(offset), limit: String(PAGE) })}`).then(
      setPage,
      (err) => setMessage(h('failed', (err as Error).message)),
    );
  }, [status, offset]);
  const cases = page?.cases;
  // Every case of the filter, not just the page on screen.
  const exportAs = async (format: 'csv' | 'json') => {
    try {
      const all = await api<CasePage>(`/cases${qs({ status, limit: String(CASES_EXPORT_MAX) })}`);
      const name = `hub-cases-${stamp(new Date())}`;
      if (format === 'csv') {
        const rows = all.cases.map((c) => ({
          ...c.case,
          agent: agentOf(c),
          status: statusWords(c.case.status),
        }));
        downloadText(
          toCsv(
            rows,
            COLUMNS.map((c) => ({ key: c.key, header: h(c.header) })),
          ),
          `${name}.csv`,
          'text/csv',
        );
      } else
        downloadText(
          JSON.stringify({ format: 'aor-guard/hub-cases', cases: all.cases }, null, 1),
          `${name}.json`,
          'application/json',
        );
    } catch (err) {
      setMessage(h('failed', (err as Error).message));
    }
  };
  const total = page?.total ?? 0;
  return (
    <section class="stack" aria-labelledby="cases-heading">
      <h2 id="cases-heading">{h('casesHeading')}</h2>
      <div class="actions">
        <label>
          {h('caseStatus')}{' '}
          <select
            value={status}
            onChange={(e) => {
              setStatus((e.currentTarget as HTMLSelectElement).value as CaseStatus | '');
              setOffset(0);
            }}
          >
            <option value="">{h('anyStatus')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusWords(s)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!total} onClick={() => exportAs('csv')}>
          {h('exportCsv')}
        </button>
        <button type="button" disabled={!total} onClick={() => exportAs('json')}>
          {h('exportJson')}
        </button>
      </div>
      <p role="status">
        {message || (total ? h('casesShown', offset + 1, offset + (cases?.length ?? 0), total) : '')}
      </p>
      {cases && !cases.length ? <p>{h('noCases')}</p> : null}
      <AdminTable
        caption="casesCaption"
        columns={CASE_COLUMNS}
        rows={cases ?? []}
        rowKey={(c) => c.case.id + (c.agentNpn ?? '')}
        scrolls
      />
      <PageButtons offset={offset} size={PAGE} hasMore={page?.hasMore === true} onOffset={setOffset} />
    </section>
  );
}
