// What in a summary looks like consumer data (lib/call-reports/pii.ts), shown where it is in the text,
// each with its own "Remove". The text is rendered as text, never as markup.
import type { ComponentChildren } from 'preact';
import type { PiiFinding } from '../../lib/call-reports/pii';
import { t, tCode } from '../../words/i18n';
import { countWords } from './CallReportFiling';

export interface PiiReviewProps {
  /** The id of the review, for aria-describedby on the text box it checks. */
  id: string;
  text: string;
  findings: PiiFinding[];
  /** Without them the findings are shown, not removable (the agency hub: the agent's device owns the text). */
  onRedact?(finding: PiiFinding): void;
  onRedactAll?(): void;
  /** What to do about them, when it is not "Remove each one". */
  hint?: string;
  /** What else the person may do: keep the text as it is (saving or filing it anyway). */
  children?: ComponentChildren;
}

export function PiiReview(props: PiiReviewProps) {
  const n = props.findings.length;
  if (!n) return null;
  const pieces: ComponentChildren[] = [];
  let at = 0;
  for (const f of props.findings) {
    if (f.start > at) pieces.push(props.text.slice(at, f.start));
    const kind = tCode('pii.kind', f.kind);
    const { onRedact } = props;
    pieces.push(
      <span class="pii-finding" key={f.start}>
        <mark>{f.text}</mark>{' '}
        {onRedact ? (
          <button
            type="button"
            class="link"
            aria-label={t('pii.removeOne', [kind, f.text])}
            onClick={() => onRedact(f)}
          >
            {t('pii.remove', [kind])}
          </button>
        ) : (
          <span class="pii-kind">({kind})</span>
        )}
      </span>,
    );
    at = f.end;
  }
  if (at < props.text.length) pieces.push(props.text.slice(at));
  return (
    <section class="warning stack pii-review" id={props.id} aria-labelledby={`${props.id}-heading`}>
      <p id={`${props.id}-heading`}>
        <strong>{countWords(n, t('pii.headingOne'), t('pii.headingMany', [String(n)]))}</strong>{' '}
        {props.hint ?? t('pii.hint')}
      </p>
      <p class="pii-text summary">{pieces}</p>
      {props.onRedactAll || props.children ? (
        <div class="actions">
          {props.onRedactAll ? (
            <button type="button" onClick={props.onRedactAll}>
              {countWords(n, t('pii.removeAllOne'), t('pii.removeAll', [String(n)]))}
            </button>
          ) : null}
          {props.children}
        </div>
      ) : null}
    </section>
  );
}
