import { useState } from 'preact/hooks';
import type { CallReport } from '../../lib/call-reports/report';
import type { RetentionForecast } from '../../lib/call-reports/retention';
import { formatDate, formatDateTime, t, tError } from '../../words/i18n';
import { JsonFileButton } from '../shared/JsonFileButton';

type SettingName = 'platformEmail' | 'endpoint' | 'retentionDays';

export interface ConflictResolutionProps {
  /** Settings the agency's policy sets: shown, not changeable here. */
  locked?: Partial<Record<SettingName, boolean | undefined>>;
  platformEmail: string;
  endpoint: string;
  retentionDays: number;
  onSaveSettings(s: { platformEmail: string; endpoint: string; retentionDays: number }): Promise<string>;
  onBackup(): Promise<string>;
  onRestore(file: File): Promise<string>;
  /** What the next daily run deletes; absent while retention is off. */
  retentionForecast?: RetentionForecast;
  /** What retention would delete now (shown before anything is deleted). */
  onPreviewRetention(): Promise<CallReport[]>;
  onDelete(ids: string[]): Promise<string>;
}

export function ConflictResolution(props: ConflictResolutionProps) {
  const [platformEmail, setPlatformEmail] = useState(props.platformEmail);
  const [endpoint, setEndpoint] = useState(props.endpoint);
  const [days, setDays] = useState(String(props.retentionDays || ''));
  const [preview, setPreview] = useState<CallReport[]>();
  const [message, setMessage] = useState({ text: '', error: false });
  const run = (work: () => Promise<string>) => async () => {
    try {
      setMessage({ text: await work(), error: false });
    } catch (err) {
      setMessage({ text: tError(err), error: true });
    }
  };
  const forecast = props.retentionForecast;
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  return (
    <section class="stack" aria-labelledby="keep-heading">
      <h2 id="keep-heading">{t('support.keepHeading')}</h2>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          run(() => props.onSaveSettings({ platformEmail, endpoint, retentionDays: Number(days) || 0 }))();
        }}
      >
        <div class="field">
          <label for="support-platform-email">{t('support.platformEmail')}</label>
          <input
            id="support-platform-email"
            type="email"
            value={platformEmail}
            readOnly={props.locked?.platformEmail}
            onInput={(e) => setPlatformEmail(value(e))}
          />
          {props.locked?.platformEmail && <p class="hint">{t('policy.setByAgency')}</p>}
        </div>
        <div class="field">
          <label for="support-endpoint">{t('support.endpoint')}</label>
          <input
            id="support-endpoint"
            type="url"
            placeholder="https://"
            value={endpoint}
            readOnly={props.locked?.endpoint}
            onInput={(e) => setEndpoint(value(e))}
          />
          <p class="hint">{props.locked?.endpoint ? t('policy.setByAgency') : t('support.endpointHint')}</p>
        </div>
        <div class="field">
          <label for="support-retention">{t('support.retentionDays')}</label>
          <input
            id="support-retention"
            type="number"
            min={0}
            max={3650}
            value={days}
            readOnly={props.locked?.retentionDays}
            onInput={(e) => setDays(value(e))}
          />
          <p class="hint">
            {props.locked?.retentionDays ? t('policy.setByAgency') : t('support.retentionHint')}
          </p>
          {forecast && (
            <p class="hint">
              {forecast.oldest
                ? t('support.retentionNext', [
                    formatDateTime(forecast.at),
                    String(forecast.count),
                    formatDate(forecast.oldest),
                  ])
                : t('support.retentionNextNone', [formatDateTime(forecast.at)])}
            </p>
          )}
        </div>
        <div class="actions">
          <button type="submit">{t('support.saveSettings')}</button>
        </div>
      </form>
      <div class="actions">
        <button type="button" onClick={run(props.onBackup)}>
          {t('support.exportEverything')}
        </button>
        <JsonFileButton
          onFile={(file) => {
            if (confirm(t('support.restoreConfirm'))) run(() => props.onRestore(file))();
          }}
        >
          {t('support.restore')}
        </JsonFileButton>
        <button type="button" onClick={async () => setPreview(await props.onPreviewRetention())}>
          {t('support.retentionPreview')}
        </button>
      </div>
      {preview && (
        <div class="stack">
          <p>{t('support.retentionWouldDelete', [String(preview.length)])}</p>
          {preview.length > 0 && (
            <>
              <ul>
                {preview.slice(0, 100).map((r) => (
                  <li key={r.id}>
                    {r.applicationId} ({r.state}) — {r.resolvedAt ?? r.updatedAt}
                  </li>
                ))}
              </ul>
              <button
                type="button"
                onClick={run(async () => {
                  const text = await props.onDelete(preview.map((r) => r.id));
                  setPreview(undefined);
                  return text;
                })}
              >
                {t('support.retentionDelete', [String(preview.length)])}
              </button>
            </>
          )}
        </div>
      )}
      <p role="status" class={message.error ? 'status status-error' : 'status'}>
        {message.text}
      </p>
    </section>
  );
}
