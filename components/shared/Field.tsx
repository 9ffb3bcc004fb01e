import type { ComponentChildren } from 'preact';

export interface FieldNotes {
  error?: string;
  hint?: string;
  warning?: string;
}

/** The ids a control points to with aria-describedby: its hint, warning and error, when shown. */
export function describedBy(id: string, notes: FieldNotes): string | undefined {
  const ids = (['hint', 'warning', 'error'] as const).filter((k) => notes[k]).map((k) => `${id}-${k}`);
  return ids.length ? ids.join(' ') : undefined;
}

/** A labelled control with its hint, warning and error beside it. The control must carry `id`. */
export function Field(props: FieldNotes & { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.warning && (
        <p class="warning" id={`${props.id}-warning`}>
          {props.warning}
        </p>
      )}
      {props.error && (
        <p class="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}
