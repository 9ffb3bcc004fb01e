// The support view as wired in the dashboard, over IndexedDB (fake-indexeddb) and the fake browser:
// filing waits for the person's word, the selection follows the filters, the panel and the rows' keys.
// (Each test renders the whole section over a database: slower than a component alone on a busy machine.)
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallReportsSection } from '../../../../../entrypoints/dashboard/sections/call-reports/CallReportsView';
import type { CallReport } from '../../../../../lib/call-reports/report';
import { getReports, listFilingBatches, saveCallReport } from '../../../../../lib/call-reports/store';
import { db } from '../../../../../lib/storage/db';
import { setChosenMessages } from '../../../../../words/i18n';
import { sample } from '../../../../support/call-report-sample';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const reports: CallReport[] = [
  sample({ id: id(1), applicationId: '1110000001', state: 'TX', calledAt: '2026-11-20T15:30:00.000Z' }),
  sample({ id: id(2), applicationId: '1110000002', state: 'FL', calledAt: '2026-11-20T14:30:00.000Z' }),
  sample({ id: id(3), applicationId: '1110000003', state: 'TX', calledAt: '2026-11-20T13:30:00.000Z' }),
];

const rowOf = (applicationId: string) =>
  screen.getByRole('rowheader', { name: new RegExp(applicationId) }).closest('tr') as HTMLElement;
const statusOf = (applicationId: string) => rowOf(applicationId).children[8]?.textContent ?? '';
const select = (applicationId: string) =>
  fireEvent.click(
    screen.getByRole('checkbox', { name: `Select the report for application ${applicationId}` }),
  );

let saved: string[];
beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  for (const r of reports) await saveCallReport(r);
  saved = [];
  // The email file is saved through a temporary link: keep what it held.
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blob.text().then((text) => saved.push(text));
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  HTMLAnchorElement.prototype.click = vi.fn();
  // The email's spreadsheet reads the English messages the build writes (hooks/english-words.ts).
  const english = generateChromeMessages(await parseMessagesFile('locales/en.yml'));
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(english))),
  );
});
afterEach(() => {
  cleanup();
  setChosenMessages(null);
  vi.unstubAllGlobals();
});

async function view() {
  const result = render(<CallReportsSection prefill={{}} />);
  await screen.findByRole('rowheader', { name: /1110000003/ });
  return result;
}

describe('filing waits for the person to say the email went out', { timeout: 20_000 }, () => {
  it('an email file changes no status until confirmed; the question survives a reload; then both are filed', async () => {
    const first = await view();
    select('1110000001');
    select('1110000002');
    await screen.findByText(/2 selected, 2 shown/);
    fireEvent.click(await screen.findByRole('button', { name: 'Download the email file for 2 reports' }));
    const question = await screen.findByText(
      /Did the email to FFMProducer-AssisterHelpDesk@cms\.hhs\.gov go out\?/,
      {},
      { timeout: 5000 },
    );
    await waitFor(() => expect(document.activeElement).toBe(question));
    expect(saved[0]).toMatch(/^X-Unsent: 1$/m);
    // Nothing is filed yet: the rows say so.
    expect(statusOf('1110000001')).toBe('Ready · awaiting confirmation');
    expect((await getReports([id(1), id(2)])).map((r) => r.status)).toEqual(['ready', 'ready']);

    const awaiting = screen.getByRole('region', { name: 'Awaiting confirmation' });
    fireEvent.click(within(awaiting).getByRole('button', { name: 'Not yet' }));
    expect(await within(awaiting).findByText(/Nothing was marked filed/)).toBeTruthy();
    expect((await getReports([id(1), id(2)])).map((r) => r.status)).toEqual(['ready', 'ready']);

    first.unmount();
    await view();
    const again = await screen.findByRole('region', { name: 'Awaiting confirmation' });
    fireEvent.click(within(again).getByRole('button', { name: 'Mark 2 reports filed' }));
    await waitFor(() => expect(statusOf('1110000002')).toBe('Filed with CMS help desk'), { timeout: 5000 });
    expect(statusOf('1110000001')).toBe('Filed with CMS help desk');
    expect(statusOf('1110000003')).toBe('Ready');
    expect(await listFilingBatches()).toEqual([]);
    const [filed] = await getReports([id(1)]);
    expect(filed?.history?.at(-1)).toMatchObject({ by: 'Unknown', action: 'status', status: 'filed-cms' });
  });

  it('in Spanish, the email file and its spreadsheet stay in English; once marked filed, the selection is cleared', async () => {
    setChosenMessages(generateChromeMessages(await parseMessagesFile('locales/es.yml')) as never, 'es-US');
    await view();
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Seleccionar el informe de la solicitud 1110000001' }),
    );
    await screen.findByText(/1 seleccionados, 1 visibles/, {}, { timeout: 5000 });
    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Descargar el archivo de correo de 1 informe' },
        { timeout: 5000 },
      ),
    );
    await waitFor(() => expect(saved[0]).toMatch(/^X-Unsent: 1$/m), { timeout: 5000 });
    const eml = saved[0] ?? '';
    const boundary = /boundary="([^"]+)"/.exec(eml)?.[1] ?? '';
    const part = eml.split(`--${boundary}`).find((p) => p.includes('text/csv')) ?? '';
    const body = part.split('\r\n\r\n').slice(1).join('');
    const text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    expect(text).toMatch(/^\uFEFFDate and time of call,Application ID/);
    expect(text).toContain(',Ready,');
    expect(eml).toMatch(/^Subject: 3-way call report: application 1110000001/m);

    fireEvent.click(
      await screen.findByRole('button', { name: 'Marcar 1 informe como presentado' }, { timeout: 5000 }),
    );
    await waitFor(() => expect(statusOf('1110000001')).toBe('Presentado a la mesa de ayuda de CMS'), {
      timeout: 5000,
    });
    await waitFor(
      () => expect(screen.getByRole('checkbox', { name: /1110000001/ })).toHaveProperty('checked', false),
      { timeout: 5000 },
    );
    expect(screen.getByRole('button', { name: 'Descargar el archivo de correo' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('copied text and "It will not be sent" mark nothing filed', async () => {
    Object.assign(navigator, { clipboard: { writeText: vi.fn(async () => {}) } });
    await view();
    select('1110000003');
    fireEvent.click(await screen.findByRole('button', { name: 'Copy the text of 1 report' }));
    const awaiting = await screen.findByRole('region', { name: 'Awaiting confirmation' });
    expect(navigator.clipboard.writeText).toHaveBeenCalledWith(expect.stringContaining('1110000003'));
    fireEvent.click(within(awaiting).getByRole('button', { name: 'It will not be sent' }));
    await waitFor(() => expect(statusOf('1110000003')).toBe('Ready'));
    expect(await listFilingBatches()).toEqual([]);
  });
});

describe('selection follows the view', { timeout: 20_000 }, () => {
  it('a filter drops hidden reports from the selection and the actions name what is left', async () => {
    await view();
    select('1110000001');
    select('1110000002');
    expect(await screen.findByText(/2 selected, 2 shown on this page/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'FL' } });
    expect(await screen.findByText(/1 selected report\(s\) are hidden by the filters/)).toBeTruthy();
    expect(screen.getByText(/1 selected, 1 shown on this page/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Email 1 report' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Apply to 1 report' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /2 reports/ })).toBeNull();
  });

  it('a bulk status change applies to the selection and undo puts it back', async () => {
    await view();
    select('1110000001');
    select('1110000003');
    fireEvent.change(screen.getByLabelText('Change the status'), { target: { value: 'resolved' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 2 reports' }));
    await waitFor(() => expect(statusOf('1110000003')).toBe('Resolved'), { timeout: 5000 });
    expect(statusOf('1110000002')).toBe('Ready');
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(statusOf('1110000003')).toBe('Ready'));
    expect(statusOf('1110000001')).toBe('Ready');
  });
});

describe('triage keys and the side panel', { timeout: 20_000 }, () => {
  it('rows are one tab stop; arrows move it, Enter opens the panel with the focus in it, Escape returns to the row', async () => {
    await view();
    const rows = () => screen.getAllByRole('row').slice(1);
    expect(rows().map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    // The controls inside a row are not tab stops of their own.
    for (const control of within(rows()[0] as HTMLElement).queryAllByRole('button'))
      expect(control.tabIndex).toBe(-1);
    rows()[0]?.focus();
    fireEvent.keyDown(rows()[0] as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rowOf('1110000002'));
    expect(rows().map((r) => r.tabIndex)).toEqual([-1, 0, -1]);
    fireEvent.keyDown(rowOf('1110000002'), { key: ' ' });
    expect(await screen.findByText(/1 selected, 1 shown/)).toBeTruthy();
    fireEvent.keyDown(rowOf('1110000002'), { key: 'Enter' });
    const heading = await screen.findByRole('heading', { name: 'Application ID 1110000002' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    fireEvent.keyDown(heading, { key: 'j' });
    const next = await screen.findByRole('heading', { name: 'Application ID 1110000003' });
    await waitFor(() => expect(document.activeElement).toBe(next));
    fireEvent.keyDown(next, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Application ID 111/ })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(rowOf('1110000003')));
  });

  it('a call reported by two agents is flagged and merged from the panel', async () => {
    await saveCallReport(
      sample({
        id: id(4),
        applicationId: '1110000001',
        calledAt: '2026-11-20T15:30:00.000Z',
        reporterName: 'Agent B',
      }),
    );
    await view();
    await waitFor(() => expect(screen.getAllByText(/possible duplicate/)).toHaveLength(2));
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Open the report for application 1110000001' })[0] as HTMLElement,
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Keep this report and merge the others into it' }),
    );
    await waitFor(() => expect(screen.getAllByRole('rowheader', { name: /1110000001/ })).toHaveLength(1));
    await waitFor(() => expect(screen.queryByText(/possible duplicate/)).toBeNull());
  });
});
