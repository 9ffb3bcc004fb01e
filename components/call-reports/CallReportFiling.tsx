// Filing reports by email without claiming more than happened: the email is handed to the person (a
// mail link, an email file or copied text), and the reports are marked filed only when they say it
// went out. Until then the batch is "Awaiting confirmation", stored, so it survives a reload.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { FilingBatch, FilingTarget, FilingVia } from '../../lib/call-reports/filing';
import { formatDateTime, t, tCode } from '../../words/i18n';

/** "1 report" / "5 reports": English and Spanish both have one form for one and one for the rest. */
export const countWords = (n: number, one: string, many: string) => (n === 1 ? one : many);

export interface FilingActionsProps {
  count: number;
  /** Addresses by target; an empty platform address disables that target. */
  to: Record<FilingTarget, string>;
  /** Whether a mailto link can hold the email for `target` (longer ones would be cut). */
  fitsLink(target: FilingTarget): boolean;
  /** Hands the email out and records the batch; resolves with what to tell the person. */
  onFile(target: FilingTarget, via: FilingVia): Promise<string>;
  /** Application IDs of the reports whose summary looks like it holds consumer data (lib/call-reports/pii.ts). */
  consumerData?: string[];
}

export function FilingActions(props: FilingActionsProps) {
  const [target, setTarget] = useState<FilingTarget>('cms');
  // The selection's and the open report's actions are on screen together: each its own radio group.
  const group = useId();
  const [message, setMessage] = useState({ text: '', error: false });
  const [busy, setBusy] = useState(false);
  // A file button pressed while some summary looks like it holds consumer data: asked once, never refused.
  const [asking, setAsking] = useState<FilingVia | null>(null);
  const n = props.count;
  const none = n === 0 || !props.to[target];
  const fits = n > 0 && props.fitsLink(target);
  const run =
    (via: FilingVia, asItIs = false) =>
    async () => {
      if (props.consumerData?.length && !asItIs) {
        setAsking(via);
        return;
      }
      setAsking(null);
      setBusy(true);
      try {
        setMessage({ text: await props.onFile(target, via), error: false });
      } catch (err) {
        setMessage({ text: t('support.failed', [String((err as Error).message ?? err)]), error: true });
      } finally {
        setBusy(false);
      }
    };
  // Nothing selected yet: the same buttons, disabled, named for what they will do.
  const words = (one: string, many: string, zero: string) => (n === 0 ? zero : countWords(n, one, many));
  return (
    <fieldset class="stack filing">
      <legend>
        {words(t('support.fileOne'), t('support.fileMany', [String(n)]), t('support.fileNone'))}
      </legend>
      <div class="actions" role="radiogroup" aria-label={t('support.fileWith')}>
        {(['cms', 'platform'] as const).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name={group}
              value={k}
              checked={target === k}
              disabled={!props.to[k]}
              onChange={() => setTarget(k)}
            />{' '}
            {tCode('support.target', k)}
            {props.to[k] ? ` (${props.to[k]})` : ''}
          </label>
        ))}
      </div>
      <div class="actions">
        <button type="button" disabled={none || busy || !fits} onClick={run('mailto')}>
          {words(t('support.emailOne'), t('support.emailMany', [String(n)]), t('support.emailNone'))}
        </button>
        <button type="button" disabled={none || busy} onClick={run('eml')}>
          {words(t('support.emlOne'), t('support.emlMany', [String(n)]), t('support.emlNone'))}
        </button>
        <button type="button" disabled={none || busy} onClick={run('copy')}>
          {words(t('support.copyOne'), t('support.copyMany', [String(n)]), t('support.copyNone'))}
        </button>
      </div>
      {/* Kept in its place, hidden, while it does not apply: the rows below do not move when it does. */}
      <p class={n > 0 && !fits ? 'hint' : 'hint reserved'} aria-hidden={n > 0 && !fits ? undefined : 'true'}>
        {t('support.tooLongForLink')}
      </p>
      {asking && props.consumerData?.length ? (
        <div class="warning stack" role="alert">
          <p>{t('support.piiBeforeFiling', [props.consumerData.join(', ')])}</p>
          <div class="actions">
            <button type="button" disabled={busy} onClick={run(asking, true)}>
              {t('support.fileAsItIs')}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              {t('support.piiNotNow')}
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" class={message.error ? 'status status-error' : 'status'}>
        {message.text}
      </p>
    </fieldset>
  );
}

export interface AwaitingConfirmationProps {
  batches: FilingBatch[];
  onConfirm(id: string): Promise<string>;
  /** The email will not be sent: the batch is forgotten, nothing marked. */
  onDrop(id: string): Promise<string>;
}

/** The question asked after every email handed out: "Did the email go out?" */
export function AwaitingConfirmation(props: AwaitingConfirmationProps) {
  const [message, setMessage] = useState('');
  // A batch started while this list is on screen takes the focus, so the question is not missed;
  // the ones already waiting when it opened do not.
  const seen = useRef<Set<string> | null>(null);
  const questions = useRef(new Map<string, HTMLElement>());
  useEffect(() => {
    const ids = props.batches.map((b) => b.id);
    const fresh = seen.current ? ids.filter((id) => !seen.current?.has(id)) : [];
    seen.current = new Set(ids);
    const last = fresh.at(-1);
    if (last) questions.current.get(last)?.focus();
  }, [props.batches]);
  const run = (work: Promise<string>) =>
    work.then(setMessage, (err) => setMessage(t('support.failed', [String((err as Error).message ?? err)])));
  if (!props.batches.length && !message) return null;
  return (
    <section class="stack awaiting" aria-labelledby="awaiting-heading">
      <h3 id="awaiting-heading">{t('support.awaitingHeading')}</h3>
      <ul class="cards">
        {props.batches.map((b) => {
          const n = b.reportIds.length;
          return (
            <li key={b.id} class="card stack">
              <p
                tabIndex={-1}
                ref={(el) => {
                  if (el) questions.current.set(b.id, el);
                  else questions.current.delete(b.id);
                }}
              >
                {t('support.awaitingQuestion', [b.to])}{' '}
                <span class="hint">
                  {t('support.awaitingWhat', [
                    countWords(n, t('support.reportOne'), t('support.reportMany', [String(n)])),
                    tCode('support.via', b.via),
                    formatDateTime(b.startedAt),
                  ])}
                </span>
              </p>
              <div class="actions">
                <button type="button" onClick={() => run(props.onConfirm(b.id))}>
                  {countWords(n, t('support.markFiledOne'), t('support.markFiledMany', [String(n)]))}
                </button>
                {/* Not yet: nothing is marked and the batch keeps waiting (it may still be sent). */}
                <button type="button" onClick={() => setMessage(t('support.notYetDone'))}>
                  {t('support.notYet')}
                </button>
                <button type="button" onClick={() => run(props.onDrop(b.id))}>
                  {t('support.dropFiling')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <p role="status">{message}</p>
    </section>
  );
}
