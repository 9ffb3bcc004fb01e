import { useState } from 'preact/hooks';
import { CASE_STATUSES, type CaseStatus, type InvalidActionCase } from '../lib/invalid-action-case';
import { t, tCode } from './i18n';

export interface CaseTableProps {
  cases: InvalidActionCase[];
  unreadable: number;
  onStatusChange(id: string, status: CaseStatus): Promise<void>;
  onLogCall(c: InvalidActionCase): void;
}

const dateOf = (iso: string) => new Date(iso).toLocaleDateString();

/** The agent's Invalid Action cases, in the columns of the platform's own tab. */
export function CaseTable({ cases, unreadable, onStatusChange, onLogCall }: CaseTableProps) {
  const [filter, setFilter] = useState<CaseStatus | ''>('');
  const [error, setError] = useState('');
  const shown = filter ? cases.filter((c) => c.status === filter) : cases;

  const change = (id: string, status: CaseStatus) =>
    onStatusChange(id, status).then(
      () => setError(''),
      (err: Error) => setError(t('cases.changeFailed', [err.message])),
    );

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
      {unreadable > 0 && (
        <p class="status status-error" role="alert">
          {t('cases.unreadable', [String(unreadable)])}
        </p>
      )}
      <p role="status" class="status status-error">
        {error}
      </p>
      {shown.length === 0 ? (
        <p class="hint">{cases.length === 0 ? t('cases.empty') : t('cases.noneWithStatus')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.client')}</th>
                <th scope="col">{t('cases.aor')}</th>
                <th scope="col">{t('cases.errorSeen')}</th>
                <th scope="col">{t('cases.lastSynced')}</th>
                <th scope="col">{t('cases.statusColumn')}</th>
                <th scope="col">{t('cases.details')}</th>
                <th scope="col">{t('cases.action')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.consumerName ?? '—'}</th>
                  <td>
                    {c.aorName ?? '—'}
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
                    {t('callReport.applicationId')} {c.applicationId}
                    {c.state && <div class="hint">{c.state}</div>}
                  </td>
                  <td class="actions">
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
