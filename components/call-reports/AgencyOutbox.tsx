import { useState } from 'preact/hooks';
import { formatDateTime, t, tError } from '../../words/i18n';

/** What the dashboard shows of a send waiting for a retry (not its bundle). */
export interface WaitingSend {
  id: string;
  reports: number;
  queuedAt: string;
  attempts: number;
  nextAt: string;
  lastError: string;
}

export interface AgencyOutboxProps {
  sends: WaitingSend[];
  /** Resolves true when it was sent. */
  onRetry(id: string): Promise<boolean>;
  onDiscard(id: string): Promise<void>;
}

/** `Send to agency` failures waiting for the background's retry: shown until sent or discarded. */
export function AgencyOutbox(props: AgencyOutboxProps) {
  const [message, setMessage] = useState('');
  if (!props.sends.length && !message) return null;
  const act = (work: () => Promise<string>) => async () => {
    try {
      setMessage(await work());
    } catch (err) {
      setMessage(t('support.failed', [tError(err)]));
    }
  };
  return (
    <section class="stack" aria-labelledby="agency-outbox">
      <h3 id="agency-outbox">{t('support.outboxHeading')}</h3>
      <ul>
        {props.sends.map((s) => (
          <li key={s.id} class="stack">
            <p>
              {t('support.outboxItem', [
                String(s.reports),
                formatDateTime(s.queuedAt),
                String(s.attempts),
                s.lastError,
                formatDateTime(s.nextAt),
              ])}
            </p>
            <div class="actions">
              <button
                type="button"
                onClick={act(async () =>
                  (await props.onRetry(s.id)) ? t('support.retrySent') : t('support.retryStillFailing'),
                )}
              >
                {t('support.retryNow')}
              </button>
              <button
                type="button"
                onClick={act(async () => {
                  await props.onDiscard(s.id);
                  return t('support.discarded');
                })}
              >
                {t('support.discard')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <p role="status">{message}</p>
    </section>
  );
}
