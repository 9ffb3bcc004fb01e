import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tError } from '../../words/i18n';

export interface WipeAllDataProps {
  onWipe(): Promise<void>;
  /** The wipe has run (the page around this was rebuilt empty, so the message is kept by the caller). */
  wiped?: boolean;
}

/**
 * Deleting everything takes two steps: the button opens a confirmation whose safe choice (Cancel) has
 * the focus, so Enter pressed twice by habit deletes nothing. Escape cancels.
 */
export function WipeAllData(props: WipeAllDataProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  const close = () => {
    setAsking(false);
    opener.current?.focus();
  };
  async function wipe() {
    setBusy(true);
    setError('');
    try {
      await props.onWipe();
      setAsking(false);
    } catch (err) {
      setError(t('wipe.failed', [tError(err)]));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="stack" aria-labelledby="wipe-heading">
      <h2 id="wipe-heading">{t('wipe.heading')}</h2>
      <p class="hint">{t('wipe.intro')}</p>
      <div class="actions">
        <button
          type="button"
          ref={opener}
          class="danger"
          aria-expanded={asking}
          aria-controls="wipe-confirm"
          onClick={() => setAsking(true)}
        >
          {t('wipe.open')}
        </button>
      </div>
      {asking && (
        <div
          id="wipe-confirm"
          role="alertdialog"
          aria-labelledby="wipe-confirm-title"
          aria-describedby="wipe-confirm-text"
          class="stack confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !busy) close();
          }}
        >
          <h3 id="wipe-confirm-title">{t('wipe.confirmTitle')}</h3>
          <p id="wipe-confirm-text">{t('wipe.confirmText')}</p>
          <div class="actions">
            <button type="button" ref={cancel} disabled={busy} onClick={close}>
              {t('wipe.cancel')}
            </button>
            <button type="button" class="danger" disabled={busy} onClick={wipe}>
              {t('wipe.confirm')}
            </button>
          </div>
        </div>
      )}
      <p role="status" class={error ? 'status status-error' : 'status'}>
        {error || (props.wiped ? t('wipe.done') : '')}
      </p>
    </section>
  );
}
