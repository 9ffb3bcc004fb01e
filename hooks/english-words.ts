// The spreadsheet attached to the filing email is read by CMS and the platforms: English words, whatever
// language the agent chose for the interface (words/call-report-words.ts).
import { browser } from 'wxt/browser';
import type { CsvWords } from '../lib/call-reports/csv';
import { csvWords } from '../words/call-report-words';

export async function englishCsvWords(): Promise<CsvWords> {
  const url = browser.runtime.getURL('/_locales/en/messages.json' as '/popup.html');
  const messages: Record<string, { message: string }> = await fetch(url).then((r) => r.json());
  return csvWords(undefined, (prefix, code) => {
    const key = `${prefix}.${code.replaceAll('-', '_')}`.replaceAll('.', '_');
    return messages[key]?.message ?? code;
  });
}
