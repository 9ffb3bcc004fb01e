import { useLayoutEffect, useRef } from 'preact/hooks';
import { TAUGHT_FACTS, type TaughtFact } from '../../lib/page-rules/facts';
import { t, tCode } from '../../words/i18n';

export type PickerPhase =
  /** `at`: the words of what the keyboard outlines. */
  | { kind: 'pointing'; at?: string }
  | { kind: 'read'; value: string | number | boolean }
  | { kind: 'problem'; problem: 'no-text' | 'no-value' | 'no-label'; text?: string }
  | { kind: 'saved'; name: string }
  | { kind: 'failed'; error: string };

export interface PickerPanelProps {
  fact: TaughtFact;
  phase: PickerPhase;
  onFact(fact: TaughtFact): void;
  onSave(): void;
  onAgain(): void;
  onClose(): void;
  /** The person moves on from the fact to the page with the keyboard (Tab or Enter): point with keys. */
  onKeyboard(): void;
}

function shown(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? t('picker.coverageActive') : t('picker.coverageInactive');
  return String(value);
}

/** The picker's panel: which fact, what AOR Guard read where the person clicked, and saving it. */
export function PickerPanel({ fact, phase, onFact, onSave, onAgain, onClose, onKeyboard }: PickerPanelProps) {
  const done = phase.kind === 'saved';
  const actions = useRef<HTMLDivElement>(null);
  // Once a spot is chosen, the keyboard is on the panel's first action (save, or pick again).
  useLayoutEffect(() => {
    if (phase.kind !== 'pointing') actions.current?.querySelector('button')?.focus();
  }, [phase.kind]);
  return (
    <section
      class="picker"
      role="dialog"
      aria-labelledby="aor-guard-picker-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h2 id="aor-guard-picker-title">{t('picker.title')}</h2>
      {!done && (
        // Radios, all six in sight: the browser checks one itself, on a click or an arrow key, whatever
        // listeners hear; Firefox steps a select only from listeners on it, which events kept from the
        // page never reach (entrypoints/enrollment.content/relay.ts).
        <fieldset
          class="picker-facts"
          onKeyDown={(e) => {
            const on = e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey);
            if (!on || phase.kind !== 'pointing') return;
            e.preventDefault();
            (e.target as HTMLElement).blur();
            onKeyboard();
          }}
        >
          <legend>{t('picker.factLabel')}</legend>
          {TAUGHT_FACTS.map((f) => (
            <label key={f}>
              <input
                type="radio"
                name="aor-guard-fact"
                value={f}
                checked={f === fact}
                onChange={() => onFact(f)}
              />
              {tCode('picker.fact', f)}
            </label>
          ))}
        </fieldset>
      )}
      <p role="status" class="picker-status">
        {phase.kind === 'pointing' && (phase.at ? t('picker.pointingAt', [phase.at]) : t('picker.pointing'))}
        {phase.kind === 'read' && t('picker.read', [shown(phase.value)])}
        {phase.kind === 'problem' && tCode('picker.problem', phase.problem, [phase.text ?? ''])}
        {phase.kind === 'saved' && t('picker.saved', [phase.name])}
        {phase.kind === 'failed' && t('picker.saveFailed', [phase.error])}
      </p>
      <div class="picker-actions" ref={actions}>
        {phase.kind === 'read' && (
          <button type="button" class="primary" onClick={onSave}>
            {t('picker.save')}
          </button>
        )}
        {(phase.kind === 'read' || phase.kind === 'problem' || phase.kind === 'failed') && (
          <button type="button" onClick={onAgain}>
            {t('picker.again')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {done ? t('picker.close') : t('picker.cancel')}
        </button>
      </div>
    </section>
  );
}
