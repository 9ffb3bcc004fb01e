import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsentRecords } from '../../../components/consent/ConsentRecords';
import { listConsentRecords, recordConsent, revokeConsent, updateConsent } from '../../../lib/consent/store';
import { AorGuardDb } from '../../../lib/storage/db';
import { setChosenMessages } from '../../../words/i18n';

const NOW = new Date('2026-11-20T15:00:00');
let database: AorGuardDb;
beforeEach(() => {
  database = new AorGuardDb(`consent-ui-${crypto.randomUUID()}`);
});
afterEach(async () => {
  setChosenMessages(null);
  await database.delete();
});

/** The section as the dashboard wires it, on a test database; re-rendered with the list after each change. */
async function setup(prefill: { applicationId?: string; planYear?: number } = {}) {
  const view = render(<div />);
  const rerender = async () => {
    const { records, unreadable } = await listConsentRecords(database);
    view.rerender(
      <ConsentRecords
        records={records}
        unreadable={unreadable}
        prefill={prefill}
        onSave={async (values, editing) => {
          const saved = editing
            ? await updateConsent(editing, values, NOW, database)
            : await recordConsent(values, NOW, database);
          await rerender();
          return saved;
        }}
        onRevoke={async (id, day) => {
          await revokeConsent(id, day, NOW, database);
          await rerender();
        }}
        now={() => NOW}
      />,
    );
  };
  await rerender();
}

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const choose = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fillValid() {
  type('Day the consumer gave consent', '2026-11-02');
  fireEvent.click(screen.getByRole('checkbox', { name: 'new application or enrollment' }));
  choose('How the consumer documented it', 'signature');
  type('Day of the eligibility application review', '2026-11-20');
  type('Where the proof lives', 'Agency DMS #123');
}

describe('ConsentRecords', () => {
  it('starts on the application and plan year the banner named', async () => {
    await setup({ applicationId: '4567891230', planYear: 2026 });
    expect(screen.getByLabelText('FFM application ID')).toHaveProperty('value', '4567891230');
    expect(screen.getByLabelText('Plan year')).toHaveProperty('value', '2026');
    expect(screen.getByLabelText('Where the proof lives')).toHaveProperty(
      'placeholder',
      'e.g. HealthSherpa Consent Library, or Agency DMS #123',
    );
    expect(screen.getByText('No consent records yet.')).toBeTruthy();
  });

  it('records consent and lists it', async () => {
    await setup({ applicationId: '4567891230', planYear: 2026 });
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Save record' }));
    await screen.findByText('Saved: application 4567891230, plan year 2026.');
    const row = screen.getByRole('row', { name: /4567891230/ });
    expect(within(row).getByText('Agency DMS #123')).toBeTruthy();
    expect(within(row).getByText('On file')).toBeTruthy();
    expect((await listConsentRecords(database)).records).toHaveLength(1);
  });

  it('refuses bad fields, each named on its field, and saves nothing', async () => {
    await setup();
    type('FFM application ID', 'ABC');
    type('Plan year', '26');
    fireEvent.click(screen.getByRole('button', { name: 'Save record' }));
    await screen.findByText('Nothing was saved. Correct the fields marked below.');
    const id = screen.getByLabelText('FFM application ID');
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/The FFM application ID is digits only/)).toBeTruthy();
    expect(screen.getByText(/"26" is not a plan year/)).toBeTruthy();
    expect(screen.getByText('Tick at least one thing the consent covers.')).toBeTruthy();
    expect(screen.getByText('Choose how the consumer documented it.')).toBeTruthy();
    expect(screen.getByText(/Say where the proof lives/)).toBeTruthy();
    expect(screen.getByText('Enter the day of the consent, of the review, or both.')).toBeTruthy();
    expect(document.activeElement).toBe(id);
    expect((await listConsentRecords(database)).records).toEqual([]);
  });

  it('edits a record and revokes it', async () => {
    await setup({ applicationId: '4567891230', planYear: 2026 });
    fillValid();
    fireEvent.click(screen.getByRole('button', { name: 'Save record' }));
    await screen.findByRole('button', { name: 'Edit' });
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(screen.getByRole('heading', { name: 'Edit record' })).toBeTruthy();
    expect(screen.getByLabelText('Where the proof lives')).toHaveProperty('value', 'Agency DMS #123');
    type('Form ID (if a standard form was used)', 'CMS-10840');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText(/Agency DMS #123 \(CMS-10840\)/);

    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    type('Day the consumer revoked consent', '2026-12-24');
    fireEvent.click(screen.getByRole('button', { name: 'Record revocation' }));
    await screen.findByText(/is after today/);
    type('Day the consumer revoked consent', '2026-11-20');
    fireEvent.click(screen.getByRole('button', { name: 'Record revocation' }));
    await screen.findByText(/Revoked: application 4567891230, plan year 2026/);
    await waitFor(async () =>
      expect((await listConsentRecords(database)).records[0]?.revokedDate).toBe('2026-11-20'),
    );
    expect(screen.queryByRole('button', { name: 'Revoke' })).toBeNull();
  });

  it('speaks Spanish', async () => {
    setChosenMessages(generateChromeMessages(await parseMessagesFile('locales/es.yml')) as never, 'es-US');
    await setup();
    expect(screen.getByRole('heading', { name: 'Consentimiento y revisión de la solicitud' })).toBeTruthy();
    expect(screen.getByLabelText('Dónde está la prueba')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'mantenimiento continuo de la cuenta' })).toBeTruthy();
  });
});
