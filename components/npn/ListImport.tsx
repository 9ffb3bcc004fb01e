import { useRef, useState } from 'preact/hooks';
import type { ListFreshness } from '../../lib/npn/readiness';
import type { ParseResult } from '../../lib/npn/registration-list';
import { formatDateTime, formatNumber, t, tError, tProblem } from '../../words/i18n';
import { describedBy, Field } from '../shared/Field';

export interface ImportControl {
  onProgress(p: { rows: number; bytes: number }): void;
  signal: AbortSignal;
}
/** A file picked by the agent, or the file at the saved address. */
export type ImportSource = { file: File } | { url: string };

export interface ListImportProps {
  id: string;
  title: string;
  freshness: ListFreshness | null;
  url: string;
  /** The agency's policy sets the address: shown, not changeable. */
  urlLocked?: boolean;
  onSaveUrl(url: string): Promise<void>;
  onImport(source: ImportSource, control: ImportControl): Promise<{ result: ParseResult; fileName: string }>;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; name: string; rows: number; percent: number }
  | { kind: 'done'; name: string; result: ParseResult }
  | { kind: 'error'; text: string };

const MAX_ERRORS_SHOWN = 20;

/** Import one NPN list from a file or an address, with progress, cancel, and the outcome in words. */
export function ListImport(props: ListImportProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [url, setUrl] = useState(props.url);
  const [urlNote, setUrlNote] = useState('');
  const controller = useRef<AbortController | null>(null);
  const working = status.kind === 'working';

  async function run(source: ImportSource, name: string, size: number) {
    controller.current = new AbortController();
    setStatus({ kind: 'working', name, rows: 0, percent: 0 });
    try {
      const { result, fileName } = await props.onImport(source, {
        signal: controller.current.signal,
        onProgress: ({ rows, bytes }) =>
          setStatus({
            kind: 'working',
            name,
            rows,
            percent: size ? Math.min(100, Math.floor((bytes / size) * 100)) : 0,
          }),
      });
      setStatus({ kind: 'done', name: fileName, result });
    } catch (err) {
      setStatus({ kind: 'error', text: t('registry.failed', [tError(err)]) });
    } finally {
      controller.current = null;
    }
  }

  function pick(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) run({ file }, file.name, file.size);
  }

  async function saveUrl() {
    if (!/^https:\/\/[^\s/]+/.test(url.trim())) return setUrlNote(t('registry.urlInvalid'));
    await props.onSaveUrl(url.trim());
    setUrlNote(t('registry.urlSaved'));
  }

  return (
    <section class="stack card" aria-labelledby={`${props.id}-title`}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      <div class="field">
        <label for={`${props.id}-file`}>{t('registry.importFile')}</label>
        <input
          id={`${props.id}-file`}
          type="file"
          accept=".csv,text/csv"
          onChange={pick}
          disabled={working}
        />
      </div>
      <Field
        id={`${props.id}-url`}
        label={t('registry.url')}
        hint={
          props.urlLocked
            ? t('policy.setByAgency')
            : t(props.id === 'termination' ? 'registry.terminationUrlHint' : 'registry.urlHint')
        }
      >
        <input
          id={`${props.id}-url`}
          type="url"
          value={url}
          readOnly={props.urlLocked}
          aria-describedby={describedBy(`${props.id}-url`, { hint: 'yes' })}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
      </Field>
      <div class="actions">
        {!props.urlLocked && (
          <button type="button" onClick={saveUrl} disabled={working}>
            {t('registry.saveUrl')}
          </button>
        )}
        <button type="button" onClick={() => run({ url: url.trim() }, url.trim(), 0)} disabled={working}>
          {t('registry.importUrl')}
        </button>
        <span role="status">{urlNote}</span>
      </div>
      {working && (
        <div class="stack">
          <p>{t('registry.importing', [status.name])}</p>
          <progress max={100} value={status.percent} aria-label={t('registry.progressLabel')} />
          <p>{t('registry.progress', [formatNumber(status.rows), String(status.percent)])}</p>
          <div class="actions">
            <button type="button" onClick={() => controller.current?.abort()}>
              {t('registry.cancel')}
            </button>
          </div>
        </div>
      )}
      <div role="status" class={status.kind === 'error' ? 'status status-error' : 'status'}>
        {status.kind === 'error' && status.text}
        {status.kind === 'done' && (
          <>
            <p>
              {t('registry.imported', [
                status.name,
                formatNumber(status.result.rows),
                formatNumber(status.result.skipped),
                String(status.result.errors.length),
              ])}
            </p>
            {status.result.errors.length > 0 && (
              <ul class="errors">
                {status.result.errors.slice(0, MAX_ERRORS_SHOWN).map((e) => (
                  <li key={`${e.line}-${e.problem.code}`}>{tProblem(e.problem)}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <p class="hint">
        {props.freshness
          ? t('npnCheck.listLine', [
              props.freshness.fileName,
              formatNumber(props.freshness.rows),
              formatDateTime(props.freshness.importedAt),
            ])
          : t('npnCheck.noList')}
      </p>
      {props.freshness?.stale && (
        <p class="warning">{t('npnCheck.staleList', [props.title, String(props.freshness.ageDays)])}</p>
      )}
    </section>
  );
}
