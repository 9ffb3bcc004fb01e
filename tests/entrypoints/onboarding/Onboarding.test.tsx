import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPlanYear } from '../../../lib/shared/plan-year';
import { SITES } from '../../../lib/sites/hosts';
import { profileItem } from '../../../lib/storage/settings';

// Fresh modules each test: the policy read is cached per module (lib/policy/managed.background.ts).
const loadApp = async () => (await import('../../../entrypoints/onboarding/App')).App;
const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('welcome page', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.restoreAllMocks();
  });

  it('shows the profile form with defaults before storage or the policy answers', async () => {
    const never = () => new Promise<never>(() => {});
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(never);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(never);
    const App = await loadApp();
    render(<App />);
    expect(screen.getByRole('heading', { name: 'Welcome to AOR Guard' })).toBeTruthy();
    expect(screen.getByLabelText('Your name')).toHaveProperty('value', '');
    expect(screen.getByLabelText('Plan year')).toHaveProperty('value', String(defaultPlanYear(new Date())));
    expect(screen.getByRole('button', { name: 'Save profile' })).toBeTruthy();
    expect(screen.getByText("Reading your agency's settings…")).toBeTruthy();
  });

  it('names every enrollment site of lib/sites/hosts.ts in what AOR Guard does', async () => {
    const App = await loadApp();
    render(<App />);
    const what = screen.getByText(/it reads the client page/).textContent ?? '';
    for (const site of SITES) expect(what).toContain(site.label);
  });

  it('fills in the stored profile when it arrives', async () => {
    await profileItem.setValue({ name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2027 });
    const App = await loadApp();
    render(<App />);
    await waitFor(() => expect(screen.getByLabelText('Your NPN')).toHaveProperty('value', '12345678'));
    expect(screen.getByLabelText('Your name')).toHaveProperty('value', 'Sam Agent');
  });

  it('saving stores the profile', async () => {
    const App = await loadApp();
    render(<App />);
    await screen.findByRole('heading', { name: 'Agency policy' });
    type('Your name', 'Sam Agent');
    type('Your NPN', '12345678');
    type('Plan year', '2027');
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText('Profile saved.');
    expect(await profileItem.getValue()).toEqual({
      name: 'Sam Agent',
      npn: '12345678',
      overrideNpn: '',
      planYear: 2027,
    });
  });

  it("shows what the agency manages, its Override NPN locked as 'Set by your agency'", async () => {
    await fakeBrowser.storage.managed.set({ overrideNpns: ['55555555'], agencyName: 'Acme Agency' });
    const App = await loadApp();
    render(<App />);
    const override = screen.getByLabelText('Agency Override NPN');
    await waitFor(() => expect(override).toHaveProperty('value', '55555555'));
    expect(override).toHaveProperty('readOnly', true);
    expect(screen.getByText('Set by your agency')).toBeTruthy();
    const table = screen.getByRole('table');
    expect(table.textContent).toContain('overrideNpns');
    expect(table.textContent).toContain('Acme Agency');
  });

  it('without a policy, says the agency sets nothing', async () => {
    const App = await loadApp();
    render(<App />);
    expect(await screen.findByText(/Your agency has not set any policy/)).toBeTruthy();
  });

  it('checks the NPN as typed: without lists, a neutral "import the lists" with the format result', async () => {
    const App = await loadApp();
    render(<App />);
    type('Plan year', '2027');
    type('Your NPN', '12345678');
    expect(
      await screen.findByRole('heading', {
        name: 'Import the CMS lists to check registration for plan year 2027',
      }),
    ).toBeTruthy();
    expect(screen.getByText('Digits only, 8 digits.')).toBeTruthy();
    expect(screen.queryByText(/Not ready/)).toBeNull();
  });

  it('links to the CMS lists in the dashboard and to the sample warning, unless the agency hides the lists', async () => {
    let App = await loadApp();
    const { unmount } = render(<App />);
    expect(screen.getByRole('link', { name: 'Import the CMS lists' }).getAttribute('href')).toBe(
      '/dashboard.html#npn-registry',
    );
    expect(screen.getByRole('link', { name: 'Open the sample warning' }).getAttribute('href')).toBe(
      '/sample.html',
    );
    unmount();
    vi.resetModules();
    await fakeBrowser.storage.managed.set({ hiddenFeatures: ['npn-registry'] });
    App = await loadApp();
    render(<App />);
    await screen.findByRole('heading', { name: 'Agency policy' });
    expect(screen.queryByRole('link', { name: 'Import the CMS lists' })).toBeNull();
  });
});
