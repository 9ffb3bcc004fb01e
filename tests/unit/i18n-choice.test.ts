import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAtRiskCsv } from '../../lib/at-risk/list';
import { parseBundle } from '../../lib/call-reports/bundle';
import { problem } from '../../lib/shared/problem';
import {
  formatDate,
  formatNumber,
  setChosenMessages,
  stateName,
  t,
  tCode,
  tError,
  tProblem,
} from '../../words/i18n';

const spanish = generateChromeMessages(await parseMessagesFile('locales/es.yml'));

afterEach(() => setChosenMessages(null));

describe('interface language chosen in settings', () => {
  it("writes dates in the words' own locale when none is given (the banner, the picker): never 12/6/2026", () => {
    setChosenMessages(spanish);
    expect(formatDate('2026-12-06T12:00:00')).toBe('6 dic 2026');
  });
  it("follows the browser's language by default", () => {
    expect(t('profile.npn')).toBe('Your NPN');
  });
  it('uses the chosen language, with placeholders filled', () => {
    setChosenMessages({
      profile_npn: { message: 'Su NPN' },
      callReport_saved: { message: 'Informe guardado para la solicitud $1.' },
      npn_looks_like_ssn: { message: 'Parece un SSN' },
    });
    expect(t('profile.npn')).toBe('Su NPN');
    expect(t('callReport.saved', ['4567891230'])).toBe('Informe guardado para la solicitud 4567891230.');
    expect(tCode('npn', 'looks-like-ssn')).toBe('Parece un SSN');
  });
  it('falls back to the browser language for a key the chosen messages lack', () => {
    setChosenMessages({});
    expect(t('profile.npn')).toBe('Your NPN');
  });
});

describe('what lib/ reports follows the chosen language', () => {
  it('words a problem, nested ones too, in the chosen language', async () => {
    setChosenMessages(spanish, 'es-US');
    const { errors } = await parseAtRiskCsv(
      'Federal Exchange ID,Client Details Page URL,Archived Status\n4567891230,,Archived\nABC,,Archived\n',
    );
    expect(errors.map((e) => tProblem(e.problem))).toEqual([
      'Línea 3: el Federal Exchange ID "ABC" no son solo dígitos; se omitió la fila.',
    ]);
    const refused = await parseAtRiskCsv('Name\nAnn\n').catch((e: unknown) => e);
    expect(tError(refused)).toMatch(
      /^Esta no es una exportación de clientes con AOR en riesgo: faltan las columnas/,
    );
    const nested = problem('list.noRows', problem('list.line', 9, problem('list.rowNpn', 'ABC')));
    expect(tProblem(nested)).toBe(
      'No se pudo leer ninguna fila de este archivo, así que se mantuvo la lista en uso. Línea 9: el NPN "ABC" no tiene de 1 a 10 dígitos. Descargue la lista de nuevo.',
    );
    const bundle = parseBundle('{nope');
    expect(!bundle.ok && tProblem(bundle.problem)).toMatch(
      /^Este archivo no es un paquete de informes de llamadas/,
    );
  });

  it('the same problem in English when English is chosen', () => {
    expect(tProblem(problem('list.line', 9, problem('list.rowNpn', 'ABC')))).toBe(
      'Line 9: the NPN "ABC" is not 1–10 digits.',
    );
  });

  it('states, dates and numbers in the chosen language', () => {
    setChosenMessages(spanish, 'es-US');
    expect(stateName('NY')).toBe('Nueva York');
    expect(stateName('TX')).toBe('Texas');
    expect(formatDate('2026-11-30T12:00:00', { dateStyle: 'long' })).toBe('30 de noviembre de 2026');
    expect(formatNumber(1234567)).toBe('1,234,567');
    setChosenMessages(null);
    expect(stateName('NY')).toBe('New York');
  });
});
