import { useState } from 'preact/hooks';
import {
  CASE_STATUSES,
  type CaseStatus,
  type DeletedCase,
  type InvalidActionCase,
} from '../../lib/cases/case';
import type { ResumeLinkSend } from '../../lib/resume-links/send';
import { toCsv } from '../../lib/shared/csv';
import { formatDate, t, tCode, tError } from '../../words/i18n';

export interface CaseTableProps {
  cases: InvalidActionCase[];
  unreadable: number;
  onStatusChange(id: string, status: CaseStatus): Promise<void>;
  onLogCall(c: InvalidActionCase): void;
  /** Every Resume Link send; each case shows its latest. */
  sends?: ResumeLinkSend[];
  onResend?(c: InvalidActionCase): void;
  /** Deletes the case and its sends; resolves with what `onUndoDelete` puts back. */
  onDelete?(c: InvalidActionCase): Promise<DeletedCase>;
  onUndoDelete?(deleted: DeletedCase): Promise<void>;
  /** Deletes every case a page on this host opened, and their sends; resolves with how many. */
  onDeleteFromHost?(host: string): Promise<number>;
}

type SortKey = 'client' | 'errorSeen' | 'lastSynced' | 'status' | 'lastSent';

/** The latest send per case, whatever its outcome: a failed resend is what the agent must see. */
function latestByCase(sends: ResumeLinkSend[]) {
  const latest = new Map<string, ResumeLinkSend>();
  for (const s of sends) {
    const prev = latest.get(s.caseId);
    if (!prev || s.sentAt > prev.sentAt) latest.set(s.caseId, s);
  }
  return latest;
}

const SORTERS: Record<SortKey, (c: InvalidActionCase, s?: ResumeLinkSend) => string | number> = {
  client: (c) => (c.consumerName ?? '').toLocaleLowerCase(),
  errorSeen: (c) => c.errorSeenAt,
  lastSynced: (c) => c.lastSeenAt,
  status: (c) => CASE_STATUSES.indexOf(c.status),
  lastSent: (_c, s) => s?.sentAt ?? '',
};

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const dateOf = (iso: string) => formatDate(iso);

/** The agent's Invalid Action cases, in the columns of the platform's own tab. */
export function CaseTable({
  cases,
  unreadable,
  onStatusChange,
  onLogCall,
  sends = [],
  onResend,
  onDelete,
  onUndoDelete,
  onDeleteFromHost,
}: CaseTableProps) {
  const [filter, setFilter] = useState<CaseStatus | ''>('');
  const [error, setError] = useState('');
  // The last case deleted, until it is brought back or another is deleted: one Undo at a time.
  const [deleted, setDeleted] = useState<DeletedCase | null>(null);
  const [notice, setNotice] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 } | null>(null);
  const latest = latestByCase(sends);
  const filtered = filter ? cases.filter((c) => c.status === filter) : cases;
  const shown = sort
    ? [...filtered].sort((a, b) => {
        const x = SORTERS[sort.key](a, latest.get(a.id));
        const y = SORTERS[sort.key](b, latest.get(b.id));
        return (x < y ? -1 : x > y ? 1 : 0) * sort.dir;
      })
    : filtered;
  const sortHeader = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort?.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
      <button
        type="button"
        class="link"
        onClick={() => setSort({ key, dir: sort?.key === key ? (-sort.dir as 1 | -1) : 1 })}
      >
        {label}
      </button>
    </th>
  );

  function exportCsv() {
    const rows = shown.map((c) => {
      const s = latest.get(c.id);
      return {
        client: c.consumerName,
        applicationId: c.applicationId,
        planYear: c.planYear,
        aor: c.aorName,
        aorNpn: c.aorNpn,
        errorSeen: c.errorSeenAt,
        lastSynced: c.lastSeenAt,
        status: tCode('cases.status', c.status),
        lastSent: s?.sentAt,
        outcome: s?.outcome,
        expires: s?.outcome === 'sent' ? s.expiresAt : undefined,
      };
    });
    const header = (key: string, text: string) => ({ key, header: text });
    download(
      'invalid-action-cases.csv',
      toCsv(rows, [
        header('client', t('cases.client')),
        header('applicationId', t('callReport.applicationId')),
        header('planYear', t('profile.planYear')),
        header('aor', t('cases.aor')),
        header('aorNpn', 'AOR NPN'),
        header('errorSeen', t('cases.errorSeen')),
        header('lastSynced', t('cases.lastSynced')),
        header('status', t('cases.statusColumn')),
        header('lastSent', t('resumeLink.lastSent')),
        header('outcome', 'Outcome'),
        header('expires', 'Expires'),
      ]),
    );
  }

  const change = (id: string, status: CaseStatus) =>
    onStatusChange(id, status).then(
      () => setError(''),
      (err: unknown) => setError(t('cases.changeFailed', [tError(err)])),
    );

  const remove = (c: InvalidActionCase) =>
    onDelete?.(c).then(
      (d) => {
        setError('');
        setDeleted(d);
        setNotice(t('cases.deleted', [c.applicationId]));
      },
      (err: unknown) => setError(t('cases.deleteFailed', [tError(err)])),
    );

  const undo = (d: DeletedCase) =>
    onUndoDelete?.(d).then(
      () => {
        setError('');
        setDeleted(null);
        setNotice(t('cases.restored', [d.case.applicationId]));
      },
      (err: unknown) => setError(t('cases.undoFailed', [tError(err)])),
    );

  // How many cases each host's pages opened: a site that opened cases it should not have is cleared at once.
  const byHost = new Map<string, number>();
  for (const c of cases) if (c.host) byHost.set(c.host, (byHost.get(c.host) ?? 0) + 1);
  const removeHost = (host: string, count: number) => {
    if (!onDeleteFromHost || !confirm(t('cases.removeHostConfirm', [String(count), host]))) return;
    onDeleteFromHost(host).then(
      (n) => {
        setError('');
        setDeleted(null);
        setNotice(t('cases.removedHost', [String(n), host]));
      },
      (err: unknown) => setError(t('cases.removeHostFailed', [tError(err)])),
    );
  };

  return (
    <section class="stack" aria-labelledby="cases-heading">
      <h2 id="cases-heading">{t('cases.heading')}</h2>
      <p class="hint">{t('cases.intro')}</p>
      <div class="field inline">
        <label for="cases-filter">{t('cases.filter')}</label>
        <select
          id="cases-filter"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value as CaseStatus | '')}
        >
          <option value="">{t('cases.allStatuses')}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tCode('cases.status', s)}
            </option>
          ))}
        </select>
      </div>
      <div class="actions">
        <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
          {t('resumeLink.exportCsv')}
        </button>
      </div>
      {onDeleteFromHost && byHost.size > 0 && (
        <fieldset class="actions">
          <legend>{t('cases.byHost')}</legend>
          {[...byHost].map(([host, count]) => (
            <button key={host} type="button" onClick={() => removeHost(host, count)}>
              {t('cases.removeHost', [String(count), host])}
            </button>
          ))}
        </fieldset>
      )}
      {unreadable > 0 && (
        <p class="status status-error" role="alert">
          {t('cases.unreadable', [String(unreadable)])}
        </p>
      )}
      <p role="status" class="status status-error">
        {error}
      </p>
      <div role="status" class="status">
        {notice}
        {deleted && onUndoDelete && (
          <button
            type="button"
            class="link"
            onClick={() => undo(deleted)}
            aria-label={t('cases.undoFor', [deleted.case.applicationId])}
          >
            {t('cases.undo')}
          </button>
        )}
      </div>
      {shown.length === 0 ? (
        <p class="hint">{cases.length === 0 ? t('cases.empty') : t('cases.noneWithStatus')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                {sortHeader('client', t('cases.client'))}
                <th scope="col">{t('cases.aor')}</th>
                {sortHeader('errorSeen', t('cases.errorSeen'))}
                {sortHeader('lastSynced', t('cases.lastSynced'))}
                {sortHeader('status', t('cases.statusColumn'))}
                {sortHeader('lastSent', t('resumeLink.lastSent'))}
                <th scope="col">{t('cases.details')}</th>
                <th scope="col">{t('cases.action')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.consumerName ?? <span class="hint">{t('cases.nameNotShown')}</span>}</th>
                  <td>
                    {c.aorName ?? <span class="hint">{t('cases.nameNotShown')}</span>}
                    {c.aorNpn && <div class="hint">NPN {c.aorNpn}</div>}
                  </td>
                  <td>
                    {dateOf(c.errorSeenAt)}
                    <div class="hint">{t('cases.planYear', [String(c.planYear)])}</div>
                  </td>
                  <td>{dateOf(c.lastSeenAt)}</td>
                  <td>
                    <select
                      aria-label={t('cases.statusFor', [c.applicationId])}
                      value={c.status}
                      onChange={(e) => change(c.id, e.currentTarget.value as CaseStatus)}
                    >
                      {CASE_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {tCode('cases.status', s)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <SendCell send={latest.get(c.id)} />
                  </td>
                  <td>
                    {t('callReport.applicationId')} {c.applicationId}
                    {c.state && <div class="hint">{c.state}</div>}
                    {c.host && <div class="hint">{t('cases.openedFrom', [c.host])}</div>}
                  </td>
                  <td class="actions">
                    {/* "Resend" only after a send: a case with none gets the first one. */}
                    {onResend && (
                      <button
                        type="button"
                        disabled={c.status === 'completed'}
                        onClick={() => onResend(c)}
                        aria-label={t(latest.has(c.id) ? 'resumeLink.resendFor' : 'resumeLink.sendFor', [
                          c.applicationId,
                        ])}
                      >
                        {latest.has(c.id) ? t('resumeLink.resend') : t('banner.sendResumeLink')}
                      </button>
                    )}
                    <button
                      type="button"
                      disabled={c.status === 'completed'}
                      onClick={() => change(c.id, 'completed')}
                      aria-label={t('cases.markCompletedFor', [c.applicationId])}
                    >
                      {t('cases.markCompleted')}
                    </button>
                    <button
                      type="button"
                      onClick={() => onLogCall(c)}
                      aria-label={t('cases.logCallFor', [c.applicationId])}
                    >
                      {t('cases.logCall')}
                    </button>
                    {onDelete && (
                      <button
                        type="button"
                        class="danger"
                        onClick={() => remove(c)}
                        aria-label={t('cases.deleteFor', [c.applicationId])}
                      >
                        {t('cases.delete')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SendCell({ send }: { send?: ResumeLinkSend }) {
  if (!send) return <span class="hint">{t('resumeLink.notSent')}</span>;
  if (send.outcome === 'failed') {
    return (
      <>
        {dateOf(send.sentAt)}
        <div class="status-error">{t('resumeLink.failedSend', [send.failureReason ?? ''])}</div>
      </>
    );
  }
  const expired = Date.parse(send.expiresAt) <= Date.now();
  return (
    <>
      {dateOf(send.sentAt)}
      <div class={expired ? 'status-error' : 'hint'}>{t('resumeLink.expires', [dateOf(send.expiresAt)])}</div>
    </>
  );
}
