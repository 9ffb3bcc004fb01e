import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { REPORT_STATUSES, type ReportStatus } from '../../lib/call-reports/report';
import { t, tCode } from '../../words/i18n';
import { JsonFileButton } from '../shared/JsonFileButton';
import { countWords } from './CallReportFiling';

/** Runs an action, showing "Working…" and then its outcome or its error in a status line. */
function useAction() {
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
  const line = (
    <p role="status" aria-live="polite" class={message.error ? 'status status-error' : 'status'}>
      {busy ? t('support.working') : message.text}
    </p>
  );
  return { run, busy, line };
}

export interface SelectionBarProps {
  selectedCount: number;
  /** How many of the selected reports are on the page shown. */
  shownCount: number;
  /** Filing the selection by email (FilingActions). */
  filing?: ComponentChildren;
  onBulkStatus(status: ReportStatus): Promise<string>;
  /** Present while the last bulk change can be undone. */
  onUndo?(): Promise<string>;
  onClearSelection(): void;
}

/**
 * Above the table: what is selected, and what can be done to exactly that. Always the same size,
 * its controls disabled while nothing is selected: ticking the first report must not push the rows
 * away from the pointer.
 */
export function SelectionBar(props: SelectionBarProps) {
  const { run, busy, line } = useAction();
  const [status, setStatus] = useState<ReportStatus | ''>('');
  const n = props.selectedCount;
  const none = n === 0;
  return (
    <section class="stack selection-bar" aria-label={t('support.selectionHeading')}>
      <p class="hint">
        {none ? t('support.noneSelected') : t('support.selectedShown', [String(n), String(props.shownCount)])}{' '}
        {!none && (
          <button type="button" class="link" onClick={props.onClearSelection}>
            {t('support.clearSelection')}
          </button>
        )}
      </p>
      {props.filing}
      <fieldset class="actions" disabled={none}>
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
          disabled={busy || !status || none}
          onClick={run(() => props.onBulkStatus(status as ReportStatus))}
        >
          {none
            ? t('support.bulkApplyNone')
            : countWords(n, t('support.bulkApplyOne'), t('support.bulkApplyMany', [String(n)]))}
        </button>
      </fieldset>
      {props.onUndo && (
        <div class="actions">
          <button type="button" disabled={busy} onClick={run(props.onUndo)}>
            {t('support.undo')}
          </button>
        </div>
      )}
      {line}
    </section>
  );
}

export interface SupportToolbarProps {
  selectedCount: number;
  endpoint: string;
  onExportBundle(): Promise<string>;
  onExportCsv(): Promise<string>;
  onExportJson(): Promise<string>;
  onImport(file: File): Promise<string>;
  onSend(): Promise<string>;
}

/** Exchange: exports take the selection, or everything the filters show when nothing is selected. */
export function SupportToolbar(props: SupportToolbarProps) {
  const { run, busy, line } = useAction();
  const n = props.selectedCount;
  return (
    <section class="stack" aria-labelledby="support-actions">
      <h3 id="support-actions">{t('support.actions')}</h3>
      <p class="hint">{n ? t('support.exportScopeSelected', [String(n)]) : t('support.exportScopeAll')}</p>
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
      {line}
    </section>
  );
}
