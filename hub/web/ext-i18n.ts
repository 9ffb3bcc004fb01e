// Stands in for WXT's `#i18n` (browser.i18n) in the hub's web app, which runs in any browser tab: the
// extension's components it reuses (components/call-reports/CallReportTable.tsx) read their words from
// locales/*.yml, which hub/web/build-web.mjs flattens into __EXT_MESSAGES__ at build time.
import { currentLang } from './messages';

declare const __EXT_MESSAGES__: Record<string, Record<string, string>>;

function translate(key: string, ...args: unknown[]): string {
  const subs = (args.find(Array.isArray) as unknown[] | undefined) ?? [];
  const count = args.find((a) => typeof a === 'number') as number | undefined;
  const flat = key.replaceAll('.', '_');
  const message = __EXT_MESSAGES__[currentLang()]?.[flat] ?? __EXT_MESSAGES__.en?.[flat] ?? key;
  const filled = message.replace(/\$(\d)/g, (_, n: string) =>
    String(subs[Number(n) - 1] ?? (count !== undefined && n === '1' ? count : '')),
  );
  if (count === undefined) return filled;
  const forms = filled.split(' | ');
  return forms[count === 1 ? 0 : forms.length - 1] ?? filled;
}

export const i18n = { t: translate };
