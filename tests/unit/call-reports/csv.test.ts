import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  callReportsJson,
  callReportsToCsv,
  JSON_EXPORT_FORMAT,
} from '../../../lib/call-reports/csv';
import { moveTo } from '../../../lib/call-reports/workflow';
import { csvWords } from '../../../words/call-report-words';
import { setChosenMessages } from '../../../words/i18n';
import { sample } from '../../support/call-report-sample';

afterEach(() => setChosenMessages(null));

const filed = moveTo(
  sample({
    issueType: 'plan-selection-questioned',
    summary: "=cmd|' /C calc'!A0 then the line dropped",
    reporterName: 'José Núñez',
  }),
  'filed-cms',
  { by: 'Pat Support', now: new Date('2026-11-21T15:05:00Z') },
);

/** The file as a spreadsheet reads it: rows of cells, the header first. */
function cells(csv: string) {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  const [header = [], ...rows] = parsed.data;
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

describe('the CSV for people', () => {
  it('in English: words for codes, local dates and times a spreadsheet reads as dates, phones as dialled, formulas inert', () => {
    const [row] = cells(callReportsToCsv([filed], csvWords('America/New_York')));
    expect(row).toMatchObject({
      'Date and time of call': '2026-11-20 10:30',
      'Application ID': '4567891230',
      Phone: '(202) 555-0143',
      'Issue type': 'Representative questioned the plan selection',
      Status: 'Filed with CMS help desk',
      'Reported by': 'José Núñez',
      'Filed with CMS help desk': '2026-11-21 10:05',
      Summary: "'=cmd|' /C calc'!A0 then the line dropped",
    });
    expect(row?.History).toBe('2026-11-21 10:05 Pat Support: Filed with CMS help desk');
  });

  it('in Spanish: the headers and the words are Spanish, dates as every spreadsheet reads them (no day/month doubt)', async () => {
    setChosenMessages(generateChromeMessages(await parseMessagesFile('locales/es.yml')) as never);
    const words = csvWords('America/New_York');
    const [row] = cells(callReportsToCsv([filed], words));
    expect(Object.keys(row ?? {})).toEqual(CSV_COLUMNS.map((c) => words.headers[c]));
    expect(row).toMatchObject({
      'Fecha y hora de la llamada': '2026-11-20 10:30',
      Teléfono: '(202) 555-0143',
      'Tipo de problema': 'El representante cuestionó la selección del plan',
      Situación: 'Presentado a la mesa de ayuda de CMS',
    });
    expect(JSON.stringify(row)).not.toMatch(/filed-cms|plan-selection-questioned|\+1202/);
  });

  it.each(['America/New_York', 'America/Phoenix', 'Pacific/Honolulu', 'Asia/Kolkata'])(
    'writes every minute as Intl does in %s, across a change of clocks',
    (timeZone) => {
      // Every 7 minutes over the night US clocks went back (2026-11-01) and a day beyond.
      const instants = Array.from({ length: 600 }, (_, i) =>
        new Date(Date.UTC(2026, 9, 31, 20) + i * 7 * 60_000).toISOString(),
      );
      const words = csvWords(timeZone);
      const rows = cells(
        callReportsToCsv(
          instants.map((calledAt, i) => sample({ id: String(i), calledAt })),
          words,
        ),
      );
      const intl = new Intl.DateTimeFormat('sv-SE', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      });
      // Swedish writes dates as ISO 8601 does: the reference for yyyy-mm-dd hh:mm.
      expect(rows.map((r) => r['Date and time of call'])).toEqual(
        instants.map((t) => intl.format(new Date(t))),
      );
      expect(rows[0]?.['Date and time of call']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    },
  );

  it('the JSON for tools keeps the codes, UTC instants and E.164 phones', () => {
    const json = JSON.parse(callReportsJson([filed], new Date('2026-11-22T00:00:00Z')));
    expect(json.format).toBe(JSON_EXPORT_FORMAT);
    expect(json.reports[0]).toMatchObject({
      status: 'filed-cms',
      issueType: 'plan-selection-questioned',
      phone: '+12025550143',
      calledAt: '2026-11-20T15:30:00.000Z',
    });
  });
});
