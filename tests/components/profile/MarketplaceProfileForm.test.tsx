import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { LicenseExpiry, MarketplaceProfileForm } from '../../../components/profile/MarketplaceProfileForm';
import { emptyMarketplaceProfile, type MarketplaceProfile } from '../../../lib/profile/marketplace';

const now = () => new Date(2026, 11, 1, 10, 0);
const set = (el: HTMLElement, value: string) =>
  el.tagName === 'SELECT'
    ? fireEvent.change(el, { target: { value } })
    : fireEvent.input(el, { target: { value } });

describe('MarketplaceProfileForm', () => {
  it('saves role, a licensed state and a language chosen by label', async () => {
    const onSave = vi.fn(async (_: MarketplaceProfile) => {});
    render(<MarketplaceProfileForm initial={emptyMarketplaceProfile()} onSave={onSave} now={now} />);
    set(screen.getByLabelText('Marketplace role'), 'shop');
    fireEvent.click(screen.getByRole('button', { name: 'Add a licensed state' }));
    const license = within(screen.getByRole('group', { name: 'License 1' }));
    set(license.getByLabelText('State'), 'NC');
    set(license.getByLabelText('License expires'), '2027-03-31');
    expect(license.getByLabelText('Health line of authority')).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('button', { name: 'Add a language' }));
    const language = within(screen.getByRole('group', { name: 'Language 1' }));
    set(language.getByLabelText('Language'), 'vi');
    set(language.getByLabelText('Writing'), 'basic');
    set(screen.getByLabelText('Find Local Help and Help On Demand display'), 'home-state');
    set(screen.getByLabelText('Contact hours'), 'Mon–Fri 9–5');
    fireEvent.click(screen.getByRole('button', { name: 'Save Marketplace profile' }));
    expect(await screen.findByText('Marketplace profile saved.')).toBeTruthy();
    expect(onSave).toHaveBeenCalledWith({
      role: 'shop',
      licenses: [{ state: 'NC', healthLoa: true, expires: '2027-03-31' }],
      languages: [{ code: 'vi', speaking: 'fluent', reading: 'fluent', writing: 'basic' }],
      helpDisplay: 'home-state',
      contactHours: 'Mon–Fri 9–5',
    });
  });

  it('refuses an expiry date in the past on its field, and saves nothing', async () => {
    const onSave = vi.fn(async () => {});
    render(<MarketplaceProfileForm initial={emptyMarketplaceProfile()} onSave={onSave} now={now} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a licensed state' }));
    set(screen.getByLabelText('State'), 'TX');
    set(screen.getByLabelText('License expires'), '2026-11-30');
    fireEvent.click(screen.getByRole('button', { name: 'Save Marketplace profile' }));
    expect(await screen.findByText(/The license in TX has already expired/)).toBeTruthy();
    expect(screen.getByLabelText('License expires').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('status').textContent).toMatch(/Not saved/);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows what the agency locks, without ways to change it', () => {
    const initial = {
      ...emptyMarketplaceProfile(),
      licenses: [{ state: 'FL', healthLoa: true, expires: '2028-01-31' }],
    };
    render(<MarketplaceProfileForm initial={initial} locked={['licenses']} onSave={vi.fn()} now={now} />);
    expect(screen.getByLabelText('State')).toHaveProperty('disabled', true);
    expect(screen.getByText('Set by your agency')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a licensed state' })).toBeNull();
  });
});

describe('LicenseExpiry', () => {
  it('names licenses expired and about to expire', () => {
    render(
      <LicenseExpiry
        expired={[{ state: 'FL', healthLoa: true, expires: '2026-11-01' }]}
        expiring={[{ state: 'TX', healthLoa: true, expires: '2026-12-11' }]}
        today={now()}
      />,
    );
    expect(screen.getByText(/Your license in FL expired on/)).toBeTruthy();
    expect(screen.getByText(/Your license in TX expires on .* \(in 10 days\)/)).toBeTruthy();
  });
});
