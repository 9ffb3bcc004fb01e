import { useState } from 'preact/hooks';
import type { Problem } from '../../lib/shared/problem';
import { formatDateTime, t, tError, tProblem } from '../../words/i18n';

export interface HubPanelProps {
  /** The hub's origin, as the agency's policy names it. */
  origin: string;
  /** The agency's name, once this browser is enrolled. */
  agencyName?: string;
  /** The agent has not yet allowed AOR Guard to reach the hub's site. */
  needsPermission: boolean;
  autoSync: boolean;
  lastSyncedAt?: string;
  pending?: number;
  lastError?: { problem: Problem; at: string };
  nextTryAt?: string;
  /** Records the hub did not take at the last sync: another device of the agency holds them. */
  heldElsewhere?: number;
  /** Reports the hub refused for what they hold, with its reason: set aside while the rest sync. */
  refused?: { id: string; applicationId?: string; calledAt?: string; problem: Problem }[];
  /** Resolves false when the agent did not allow the site. */
  onConnect(): Promise<boolean>;
  onSyncNow(): Promise<void>;
}

/** The agency hub in the Agency section: connect once, then how syncing stands. */
export function HubPanel(props: HubPanelProps) {
  const [message, setMessage] = useState({ text: '', error: false });
  const [busy, setBusy] = useState(false);
  const act = (work: () => Promise<string>) => async () => {
    setBusy(true);
    try {
      setMessage({ text: await work(), error: false });
    } catch (err) {
      setMessage({ text: tError(err), error: true });
    } finally {
      setBusy(false);
    }
  };
  const connect = act(async () => ((await props.onConnect()) ? t('hub.synced') : t('hub.permissionRefused')));
  return (
    <section class="stack" aria-labelledby="hub-heading">
      <h2 id="hub-heading">{t('hub.heading')}</h2>
      {props.agencyName ? (
        <p>{t('hub.connected', [props.agencyName, props.origin])}</p>
      ) : (
        <p>{t('hub.notConnected')}</p>
      )}
      {props.needsPermission && !props.agencyName ? (
        <div class="stack">
          <p>{t('hub.connectIntro', [props.origin])}</p>
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={connect}>
              {t('hub.connect')}
            </button>
          </div>
        </div>
      ) : null}
      <p class="hint">{props.autoSync ? t('hub.autoSyncOn') : t('hub.autoSyncOff')}</p>
      {props.agencyName || props.lastError ? (
        <dl>
          {props.agencyName && (
            <>
              <dt>{t('hub.lastSynced')}</dt>
              <dd>{props.lastSyncedAt ? formatDateTime(props.lastSyncedAt) : t('hub.never')}</dd>
            </>
          )}
          {props.agencyName && props.pending !== undefined && (
            <>
              <dt>{t('hub.pending')}</dt>
              <dd>{String(props.pending)}</dd>
            </>
          )}
          {props.lastError && (
            <>
              <dt>{t('hub.lastError')}</dt>
              <dd class="status-error">
                {formatDateTime(props.lastError.at)}: {tProblem(props.lastError.problem)}
              </dd>
            </>
          )}
          {props.nextTryAt && (
            <>
              <dt>{t('hub.nextTry')}</dt>
              <dd>{formatDateTime(props.nextTryAt)}</dd>
            </>
          )}
        </dl>
      ) : null}
      {props.heldElsewhere ? (
        <p class="status-error">{t('hub.heldElsewhere', [String(props.heldElsewhere)])}</p>
      ) : null}
      {props.refused?.length ? (
        <div class="stack">
          <h3 id="hub-refused-heading">{t('hub.refusedHeading')}</h3>
          <p class="hint">{t('hub.refusedHint')}</p>
          <ul aria-labelledby="hub-refused-heading">
            {props.refused.map((r) => (
              <li key={r.id} class="status-error">
                {t('hub.refusedItem', [
                  r.applicationId ?? r.id,
                  r.calledAt ? formatDateTime(r.calledAt) : '—',
                  tProblem(r.problem),
                ])}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!props.needsPermission || props.agencyName ? (
        <div class="actions">
          <button
            type="button"
            disabled={busy}
            onClick={act(async () => {
              await props.onSyncNow();
              return t('hub.synced');
            })}
          >
            {t('hub.syncNow')}
          </button>
        </div>
      ) : null}
      <p role="status" aria-live="polite" class={message.error ? 'status status-error' : 'status'}>
        {message.text}
      </p>
    </section>
  );
}
