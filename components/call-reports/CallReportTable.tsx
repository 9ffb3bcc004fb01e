import { useEffect, useRef, useState } from 'preact/hooks';
import { type ReportQuery, SORT_KEYS, type SortKey } from '../../lib/call-reports/query';
import { type CallReport, ISSUE_TYPES, REPORT_STATUSES } from '../../lib/call-reports/report';
import { summaryPreview } from '../../lib/call-reports/triage';
import { maskPhone } from '../../lib/shared/phone';
import { STATE_CODES } from '../../lib/shared/states';
import { formatDate, formatTime, t, tCode } from '../../words/i18n';

export interface CallReportTableProps {
  rows: CallReport[];
  query: ReportQuery;
  hasMore: boolean;
  /** Counted after the page is shown; undefined while counting. */
  total?: number;
  loading?: boolean;
  selected: Set<string>;
  openId?: string;
  /** Reports in an email not yet confirmed as sent. */
  awaiting?: Set<string>;
  /** Reports of a call reported more than once. */
  duplicates?: Set<string>;
  /** Reports whose summary looks like it holds consumer data (lib/call-reports/pii.ts). */
  consumerData?: Set<string>;
  onQuery(q: ReportQuery): void;
  onSelect(ids: string[], on: boolean): void;
  onOpen(id: string): void;
}

const HEADERS: Record<SortKey, () => string> = {
  calledAt: () => t('support.col.calledAt'),
  applicationId: () => t('support.col.applicationId'),
  state: () => t('support.col.state'),
  phone: () => t('support.col.phone'),
  issueType: () => t('support.col.issueType'),
  reporter: () => t('support.col.reporter'),
  status: () => t('support.col.status'),
};

/** What the open report's panel shows: the table leaves these out beside it (dashboard.css). */
const BESIDE_PANEL_HIDDEN = new Set<string>(['phone', 'issueType', 'summary']);
const hiddenBeside = (key: string) => (BESIDE_PANEL_HIDDEN.has(key) ? 'beside-panel-hidden' : undefined);

const SEARCH_PAUSE_MS = 300;

/** yyyy-mm-dd of an ISO instant in local time (what a date input shows). */
const localDay = (iso?: string) => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const dayBound = (day: string, end: boolean) =>
  day ? new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`).toISOString() : undefined;

export function CallReportTable(props: CallReportTableProps) {
  const { query: q } = props;
  const [revealed, setRevealed] = useState<Set<string>>(new Set());
  const set = (patch: Partial<ReportQuery>) => props.onQuery({ ...q, ...patch, offset: 0 });
  // A search reads every summary (about a second with 50,000 reports): asked once typing pauses, not
  // for every keystroke.
  const [text, setText] = useState(q.text ?? '');
  useEffect(() => {
    if (text === (q.text ?? '')) return;
    const timer = setTimeout(() => set({ text: text || undefined }), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, q]);
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  const pageIds = props.rows.map((r) => r.id);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => props.selected.has(id));
  const sortBy = (key: SortKey) =>
    set({ sort: key, dir: q.sort === key && q.dir === 'asc' ? 'desc' : 'asc' });
  // One tab stop for the rows (roving tabindex): the row last moved to, else the open one, else the first.
  const [current, setCurrent] = useState<string>();
  const rowFocus = current && pageIds.includes(current) ? current : (props.openId ?? pageIds[0]);
  const body = useRef<HTMLTableSectionElement>(null);
  const focusRow = (id: string | undefined) => {
    if (!id) return;
    setCurrent(id);
    body.current?.querySelector<HTMLElement>(`tr[data-id="${id}"]`)?.focus();
  };
  const onRowKey = (e: KeyboardEvent, r: CallReport) => {
    if (e.target !== e.currentTarget) return;
    const i = pageIds.indexOf(r.id);
    const to: Record<string, number | undefined> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      Home: 0,
      End: pageIds.length - 1,
    };
    if (e.key in to) {
      e.preventDefault();
      focusRow(pageIds[Math.max(0, Math.min(pageIds.length - 1, to[e.key] ?? i))]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      props.onOpen(r.id);
    } else if (e.key === ' ') {
      e.preventDefault();
      props.onSelect([r.id], !props.selected.has(r.id));
    }
  };

  return (
    <div class="stack">
      <fieldset class="filters">
        <legend>{t('support.filters')}</legend>
        <label>
          {t('support.filter.status')}
          <select value={q.status ?? ''} onChange={(e) => set({ status: (value(e) || undefined) as never })}>
            <option value="">{t('support.filter.any')}</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tCode('support.status', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('support.filter.state')}
          <select value={q.state ?? ''} onChange={(e) => set({ state: value(e) || undefined })}>
            <option value="">{t('support.filter.any')}</option>
            {STATE_CODES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('support.filter.issueType')}
          <select
            value={q.issueType ?? ''}
            onChange={(e) => set({ issueType: (value(e) || undefined) as never })}
          >
            <option value="">{t('support.filter.any')}</option>
            {ISSUE_TYPES.map((s) => (
              <option key={s} value={s}>
                {tCode('callReport.issue', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('support.filter.from')}
          <input
            type="date"
            value={localDay(q.from)}
            onChange={(e) => set({ from: dayBound(value(e), false) })}
          />
        </label>
        <label>
          {t('support.filter.to')}
          <input type="date" value={localDay(q.to)} onChange={(e) => set({ to: dayBound(value(e), true) })} />
        </label>
        <label>
          {t('support.filter.search')}
          <input type="search" value={text} onInput={(e) => setText(value(e))} />
        </label>
      </fieldset>
      <p class="hint">{t('support.keysHint')}</p>
      <p role="status" class="hint">
        {props.total === undefined
          ? t('support.counting')
          : t('support.showing', [
              String(props.rows.length ? q.offset + 1 : 0),
              String(q.offset + props.rows.length),
              String(props.total),
            ])}
      </p>
      <div class="table-wrap">
        <table class="reports" aria-busy={props.loading ? 'true' : 'false'} data-offset={q.offset}>
          <caption class="visually-hidden">{t('support.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('support.selectPage')}
                  checked={allOnPage}
                  onChange={(e) => props.onSelect(pageIds, (e.currentTarget as HTMLInputElement).checked)}
                />
              </th>
              {SORT_KEYS.flatMap((key) => [
                <th
                  key={key}
                  scope="col"
                  class={hiddenBeside(key)}
                  aria-sort={q.sort === key ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" class="link" onClick={() => sortBy(key)}>
                    {HEADERS[key]()}
                  </button>
                </th>,
                ...(key === 'issueType'
                  ? [
                      <th key="summary" scope="col" class={hiddenBeside('summary')}>
                        {t('support.col.summary')}
                      </th>,
                    ]
                  : []),
              ])}
            </tr>
          </thead>
          {/* The row is the tab stop; its controls are reached by mouse or by keys on the row. */}
          <tbody ref={body}>
            {props.rows.map((r) => (
              <tr
                key={r.id}
                data-id={r.id}
                tabIndex={r.id === rowFocus ? 0 : -1}
                aria-selected={props.openId === r.id ? 'true' : undefined}
                onKeyDown={(e) => onRowKey(e, r)}
                onFocus={() => setCurrent(r.id)}
              >
                <td>
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    aria-label={t('support.selectReport', [r.applicationId])}
                    checked={props.selected.has(r.id)}
                    onChange={(e) => props.onSelect([r.id], (e.currentTarget as HTMLInputElement).checked)}
                  />
                </td>
                <td class="keep-whole">
                  {/* Day over time: two short lines, so the column stays narrow beside the open report. */}
                  <time class="day-time" dateTime={r.calledAt}>
                    <span>{formatDate(r.calledAt)}</span> <span>{formatTime(r.calledAt)}</span>
                  </time>
                </td>
                <th scope="row" class="keep-whole">
                  <button
                    type="button"
                    class="link"
                    tabIndex={-1}
                    aria-label={t('support.open', [r.applicationId])}
                    onClick={() => props.onOpen(r.id)}
                  >
                    {r.applicationId}
                  </button>
                </th>
                <td>{r.state}</td>
                <td class="keep-whole beside-panel-hidden">
                  {revealed.has(r.id) ? (
                    r.phone
                  ) : (
                    <button
                      type="button"
                      class="link"
                      tabIndex={-1}
                      aria-label={`${maskPhone(r.phone)}: ${t('support.revealPhone', [r.applicationId])}`}
                      onClick={() => setRevealed(new Set(revealed).add(r.id))}
                    >
                      {maskPhone(r.phone)}
                    </button>
                  )}
                </td>
                <td class="beside-panel-hidden">{tCode('callReport.issue', r.issueType)}</td>
                <td class="summary-preview beside-panel-hidden">{summaryPreview(r.summary)}</td>
                <td>
                  {r.reporterName ?? ''}
                  {r.reporterNpn ? ` (NPN ${r.reporterNpn})` : ''}
                </td>
                <td>
                  {tCode('support.status', r.status)}
                  {r.conflicts?.length ? ` · ${t('support.conflict')}` : ''}
                  {props.awaiting?.has(r.id) ? (
                    <span class="flag"> · {t('support.awaitingFlag')}</span>
                  ) : null}
                  {props.duplicates?.has(r.id) ? (
                    <span class="flag"> · {t('support.duplicateFlag')}</span>
                  ) : null}
                  {props.consumerData?.has(r.id) ? <span class="flag"> · {t('support.piiFlag')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button
          type="button"
          disabled={q.offset === 0}
          onClick={() => props.onQuery({ ...q, offset: Math.max(0, q.offset - q.limit) })}
        >
          {t('support.previous')}
        </button>
        <button
          type="button"
          disabled={!props.hasMore}
          onClick={() => props.onQuery({ ...q, offset: q.offset + q.limit })}
        >
          {t('support.next')}
        </button>
      </div>
    </div>
  );
}
