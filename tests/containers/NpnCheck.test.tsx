import { readFileSync } from 'node:fs';
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { NpnCheck } from '../../containers/NpnCheck';
import { importList } from '../../lib/npn/store';

beforeAll(async () => {
  // The default database, as the popup uses it (fake-indexeddb in tests).
  await importList('rcl', readFileSync('tests/fixtures/csv/rcl/sample.csv', 'utf8'), {
    fileName: 'TBL_RCL_9.csv',
  });
  await importList('termination', readFileSync('tests/fixtures/csv/rcl/terminations.csv', 'utf8'), {
    fileName: 'AB_Termination_List_3.csv',
  });
});

const typeNpn = (value: string) =>
  fireEvent.input(screen.getByLabelText('NPN to check'), { target: { value } });

describe('NPN check (popup tab)', () => {
  it('answers at once for a registered NPN, with dates and the lists used', async () => {
    render(<NpnCheck planYear={2026} />);
    typeNpn('12345678');
    expect(
      await screen.findByRole('heading', { name: 'Ready for Marketplace work in plan year 2026' }),
    ).toBeTruthy();
    expect(screen.getByText('Registered')).toBeTruthy();
    expect(screen.getByText(/TBL_RCL_9.csv|Registration Completion List: 8 rows/)).toBeTruthy();
    expect(screen.getByText(/The lists have no names/)).toBeTruthy();
  });

  it('refuses an SSN-shaped entry with the reason, before any lookup', async () => {
    render(<NpnCheck planYear={2026} />);
    typeNpn('123-45-6789');
    expect(await screen.findByText(/looks like a Social Security number/)).toBeTruthy();
  });

  it('a T status is a hard stop with its meaning and who to contact', async () => {
    render(<NpnCheck planYear={2026} />);
    typeNpn('66666666');
    expect(await screen.findByText('Terminated or suspended')).toBeTruthy();
    expect(screen.getByText(/T3 \(fraud or abusive conduct\)/)).toBeTruthy();
    expect(screen.getByText(/FFMProducer-AssisterHelpDesk@cms.hhs.gov/)).toBeTruthy();
  });

  it('NPN not valid in NIPR lists every remedy in order', async () => {
    render(<NpnCheck planYear={2026} />);
    typeNpn('11223344');
    await screen.findByText(/NPN not valid in NIPR/);
    const steps = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    const at = (words: string) => steps.findIndex((s) => s.includes(words));
    expect(at('PacNpnSearch')).toBeGreaterThanOrEqual(0);
    expect(at('NPN validation failed')).toBeGreaterThan(at('PacNpnSearch'));
    expect(at('1-855-267-1515')).toBeGreaterThan(at('NPN validation failed'));
    expect(at('5–7 business days')).toBeGreaterThan(at('1-855-267-1515'));
  });

  it('an NPN not on the list for the year says how to register', async () => {
    render(<NpnCheck planYear={2026} />);
    typeNpn('4444');
    expect(await screen.findByText('Not on the list for this plan year')).toBeTruthy();
    expect(screen.getByText(/portal.cms.gov/)).toBeTruthy();
  });
});
