import type { ComponentChildren } from 'preact';

/**
 * A button that picks one JSON file: a label around a hidden input, so it looks and is reached like a
 * button. The input is cleared at once, so picking the same file again is noticed.
 */
export function JsonFileButton(props: { children: ComponentChildren; onFile(file: File): void }) {
  return (
    <label class="button">
      {props.children}
      <input
        type="file"
        accept="application/json,.json"
        class="visually-hidden"
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          input.value = '';
          if (file) props.onFile(file);
        }}
      />
    </label>
  );
}
