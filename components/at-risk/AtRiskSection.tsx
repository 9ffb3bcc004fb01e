import { useState } from 'preact/hooks';
import type { AtRiskClient } from '../../lib/at-risk/list';
import type { Problem } from '../../lib/shared/problem';
import { formatDate, t, tError, tProblem } from '../../words/i18n';

export interface AtRiskImportResult {
  rows: number;
  added: number;
  errors: { line: number; problem: Problem }[];
}

export interface AtRiskSectionProps {
  clients: AtRiskClient[];
  /** Clients first listed after the agent's previous visit to this section. */
  newSinceLastVisit: number;
  onImport(file: File): Promise<AtRiskImportResult>;
}

type Status =
  | { kind: 'idle' | 'working' }
  | { kind: 'done'; result: AtRiskImportResult; fileName: string }
  | { kind: 'error'; text: string };

const MAX_ERRORS_SHOWN = 20;

export function AtRiskSection({ clients, newSinceLastVisit, onImport }: AtRiskSectionProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function pick(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setStatus({ kind: 'working' });
    try {
      setStatus({ kind: 'done', result: await onImport(file), fileName: file.name });
    } catch (err) {
      setStatus({ kind: 'error', text: t('atRisk.importFailed', [tError(err)]) });
    } finally {
      input.value = '';
    }
  }

  return (
    <section class="stack" aria-labelledby="at-risk-heading">
      <h2 id="at-risk-heading">{t('atRisk.heading')}</h2>
      <p class="hint">{t('atRisk.intro')}</p>
      <div class="field">
        <label for="at-risk-file">{t('atRisk.fileLabel')}</label>
        <input
          id="at-risk-file"
          type="file"
          accept=".csv,text/csv"
          onChange={pick}
          disabled={status.kind === 'working'}
        />
      </div>
      <div role="status" class={status.kind === 'error' ? 'status status-error' : 'status'}>
        {status.kind === 'working' && t('atRisk.importing')}
        {status.kind === 'error' && status.text}
        {status.kind === 'done' && (
          <>
            <p>
              {t('atRisk.imported', [
                status.fileName,
                String(status.result.rows),
                String(status.result.added),
                String(status.result.errors.length),
              ])}
            </p>
            {status.result.errors.length > 0 && (
              <ul class="errors">
                {status.result.errors.slice(0, MAX_ERRORS_SHOWN).map((e) => (
                  <li key={e.line}>{tProblem(e.problem)}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {newSinceLastVisit > 0 && (
        <p class="badge-line">{t('atRisk.newSinceVisit', [String(newSinceLastVisit)])}</p>
      )}
      {clients.length === 0 ? (
        <p class="hint">{t('atRisk.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('atRisk.count', [String(clients.length)])}</caption>
            <thead>
              <tr>
                <th scope="col">{t('atRisk.clientName')}</th>
                <th scope="col">{t('atRisk.federalExchangeId')}</th>
                <th scope="col">{t('atRisk.firstListed')}</th>
                <th scope="col">{t('atRisk.archived')}</th>
                <th scope="col">{t('atRisk.details')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.federalExchangeId}>
                  <td>
                    {/* HealthSherpa's agent export has no names: say so rather than show a dash. */}
                    {c.clientName ?? <span class="hint">{t('atRisk.nameNotInFile')}</span>}
                    {c.agentName && <div class="hint">{t('atRisk.agentLine', [c.agentName])}</div>}
                  </td>
                  <th scope="row">{c.federalExchangeId}</th>
                  <td>{formatDate(c.firstSeenAt)}</td>
                  <td>{c.archived ? t('atRisk.yes') : t('atRisk.no')}</td>
                  <td>
                    {c.clientDetailsUrl ? (
                      <a href={c.clientDetailsUrl} target="_blank" rel="noopener noreferrer">
                        {t('atRisk.openClient')}
                      </a>
                    ) : (
                      <span class="hint">{t('atRisk.noLink')}</span>
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
