import { useState } from 'preact/hooks';
import { t } from './i18n';
import { JsonFileButton } from './JsonFileButton';

export interface SupportToolbarProps {
  selectedCount: number;
  endpoint: string;
  onFile(target: 'cms' | 'platform'): Promise<string>;
  onCopy(): Promise<string>;
  onExportBundle(): Promise<string>;
  onExportCsv(): Promise<string>;
  onImport(file: File): Promise<string>;
  onSend(): Promise<string>;
  onClearSelection(): void;
}

/** Actions on the selection (or, for exports, on everything the filters show when nothing is selected). */
export function SupportToolbar(props: SupportToolbarProps) {
  const [message, setMessage] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const [busy, setBusy] = useState(false);
  const run = (work: () => Promise<string>) => async () => {
    setBusy(true);
    try {
      setMessage({ text: await work(), error: false });
    } catch (err) {
      setMessage({ text: String((err as Error).message ?? err), error: true });
    } finally {
      setBusy(false);
    }
  };
  const none = props.selectedCount === 0;
  return (
    <section class="stack" aria-labelledby="support-actions">
      <h3 id="support-actions">{t('support.actions')}</h3>
      <p class="hint">
        {none ? t('support.noneSelected') : t('support.selected', [String(props.selectedCount)])}{' '}
        {!none && (
          <button type="button" class="link" onClick={props.onClearSelection}>
            {t('support.clearSelection')}
          </button>
        )}
      </p>
      <div class="actions">
        <button type="button" disabled={none || busy} onClick={run(() => props.onFile('cms'))}>
          {t('reports.emailHelpDesk')}
        </button>
        <button type="button" disabled={none || busy} onClick={run(() => props.onFile('platform'))}>
          {t('support.emailPlatform')}
        </button>
        <button type="button" disabled={none || busy} onClick={run(props.onCopy)}>
          {t('support.copy')}
        </button>
      </div>
      <div class="actions">
        <button type="button" disabled={busy} onClick={run(props.onExportBundle)}>
          {t('support.exportBundle')}
        </button>
        <button type="button" disabled={busy} onClick={run(props.onExportCsv)}>
          {t('support.exportCsv')}
        </button>
        {props.endpoint && (
          <button type="button" disabled={busy} onClick={run(props.onSend)}>
            {t('support.send')}
          </button>
        )}
        <JsonFileButton onFile={(file) => run(() => props.onImport(file))()}>
          {t('support.import')}
        </JsonFileButton>
      </div>
      <p role="status" aria-live="polite" class={message.error ? 'status status-error' : 'status'}>
        {busy ? t('support.working') : message.text}
      </p>
    </section>
  );
}
