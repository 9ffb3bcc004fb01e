import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { REPORT_STATUSES, type ReportStatus } from '../lib/call-reports/report';
import { countWords } from './CallReportFiling';
import { t, tCode } from './i18n';
import { JsonFileButton } from './JsonFileButton';

export interface SupportToolbarProps {
  selectedCount: number;
  /** How many of the selected reports are on the page shown. */
  shownCount: number;
  endpoint: string;
  /** Filing the selection by email (FilingActions). */
  filing?: ComponentChildren;
  onBulkStatus(status: ReportStatus): Promise<string>;
  /** Present while the last bulk change can be undone. */
  onUndo?(): Promise<string>;
  onExportBundle(): Promise<string>;
  onExportCsv(): Promise<string>;
  onExportJson(): Promise<string>;
  onImport(file: File): Promise<string>;
  onSend(): Promise<string>;
  onClearSelection(): void;
}

/** Actions on the selection (or, for exports, on everything the filters show when nothing is selected). */
export function SupportToolbar(props: SupportToolbarProps) {
  const [message, setMessage] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ReportStatus | ''>('');
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
  const n = props.selectedCount;
  const none = n === 0;
  return (
    <section class="stack" aria-labelledby="support-actions">
      <h3 id="support-actions">{t('support.actions')}</h3>
      <p class="hint">
        {none ? t('support.noneSelected') : t('support.selectedShown', [String(n), String(props.shownCount)])}{' '}
        {!none && (
          <button type="button" class="link" onClick={props.onClearSelection}>
            {t('support.clearSelection')}
          </button>
        )}
      </p>
      {!none && props.filing}
      {!none && (
        <fieldset class="actions">
          <legend>{t('support.bulkStatus')}</legend>
          <select
            aria-label={t('support.bulkStatus')}
            value={status}
            onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as ReportStatus)}
          >
            <option value="">{t('support.bulkChoose')}</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tCode('support.status', s)}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={busy || !status}
            onClick={run(() => props.onBulkStatus(status as ReportStatus))}
          >
            {countWords(n, t('support.bulkApplyOne'), t('support.bulkApplyMany', [String(n)]))}
          </button>
        </fieldset>
      )}
      {props.onUndo && (
        <div class="actions">
          <button type="button" disabled={busy} onClick={run(props.onUndo)}>
            {t('support.undo')}
          </button>
        </div>
      )}
      <div class="actions">
        <button type="button" disabled={busy} onClick={run(props.onExportBundle)}>
          {t('support.exportBundle')}
        </button>
        <button type="button" disabled={busy} onClick={run(props.onExportCsv)}>
          {t('support.exportCsv')}
        </button>
        <button type="button" disabled={busy} onClick={run(props.onExportJson)}>
          {t('support.exportJson')}
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
      {!none && <p class="hint">{t('support.exportScopeSelected', [String(n)])}</p>}
      <p role="status" aria-live="polite" class={message.error ? 'status status-error' : 'status'}>
        {busy ? t('support.working') : message.text}
      </p>
    </section>
  );
}
