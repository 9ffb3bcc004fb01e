/**
 * Saves text, whole or in pieces, as a file through a temporary link (works in extension pages of both
 * browsers).
 */
export function downloadText(text: string | string[], fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob(typeof text === 'string' ? [text] : text, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const stamp = (now: Date) => now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
