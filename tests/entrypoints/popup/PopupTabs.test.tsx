import { render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('popup App', () => {
  // lib/policy/managed.background.ts keeps the policy it read for the module's life: a fresh module per
  // test reads the policy that test sets.
  const loadApp = async () => (await import('../../../entrypoints/popup/App')).App;
  beforeEach(() => {
    vi.resetModules();
  });

  const tabNames = () => screen.getAllByRole('tab').map((tab) => tab.textContent);
  // The referral timer loads lazily: each test waits for it, so nothing loads after the test's teardown.
  const referralButton = () => screen.findByRole('button', { name: 'New Help On Demand referral' });

  it('off a consumer page opens on the Call report tab', async () => {
    const App = await loadApp();
    render(<App />);
    await waitFor(() => expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Call report'));
    expect(tabNames()).toEqual(['This page', 'Call report', 'Resume Link', 'NPN check']);
    // The form loads lazily (with the phone metadata): waited for, so nothing loads after teardown.
    await screen.findByLabelText(/Phone number of the person who placed the call/, {}, { timeout: 10_000 });
    await referralButton();
  });

  it('a policy hiding call reports removes the tab, and the popup opens on This page instead', async () => {
    await fakeBrowser.storage.managed.set({ hiddenFeatures: ['call-reports'] });
    const App = await loadApp();
    render(<App />);
    await waitFor(() => expect(screen.getByRole('tab', { selected: true }).textContent).toBe('This page'));
    expect(tabNames()).toEqual(['This page', 'Resume Link', 'NPN check']);
    expect(screen.getByRole('tabpanel').id).toBe('panel-this-page');
    await referralButton();
  });
});
