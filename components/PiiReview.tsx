// What in a summary looks like consumer data (lib/call-reports/pii.ts), shown where it is in the text,
// each with its own "Remove". The text is rendered as text, never as markup.
import type { ComponentChildren } from 'preact';
import type { PiiFinding } from '../lib/call-reports/pii';
import { countWords } from './CallReportFiling';
import { t, tCode } from './i18n';

export interface PiiReviewProps {
  /** The id of the review, for aria-describedby on the text box it checks. */
  id: string;
  text: string;
  findings: PiiFinding[];
  onRedact(finding: PiiFinding): void;
  onRedactAll(): void;
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
    pieces.push(
      <span class="pii-finding" key={f.start}>
        <mark>{f.text}</mark>{' '}
        <button
          type="button"
          class="link"
          aria-label={t('pii.removeOne', [kind, f.text])}
          onClick={() => props.onRedact(f)}
        >
          {t('pii.remove', [kind])}
        </button>
      </span>,
    );
    at = f.end;
  }
  if (at < props.text.length) pieces.push(props.text.slice(at));
  return (
    <section class="warning stack pii-review" id={props.id} aria-labelledby={`${props.id}-heading`}>
      <p id={`${props.id}-heading`}>
        <strong>{countWords(n, t('pii.headingOne'), t('pii.headingMany', [String(n)]))}</strong>{' '}
        {t('pii.hint')}
      </p>
      <p class="pii-text summary">{pieces}</p>
      <div class="actions">
        <button type="button" onClick={props.onRedactAll}>
          {countWords(n, t('pii.removeAllOne'), t('pii.removeAll', [String(n)]))}
        </button>
        {props.children}
      </div>
    </section>
  );
}
