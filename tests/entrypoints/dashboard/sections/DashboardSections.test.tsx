import { readdirSync, readFileSync } from 'node:fs';
import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DASHBOARD_SECTIONS, sectionFor, shownSections } from '../../../../entrypoints/dashboard/sections';
import { POPUP_TABS } from '../../../../entrypoints/popup/tabs';
import { DASHBOARD_SECTION_IDS, SECTION_FEATURES, sectionShown } from '../../../../lib/dashboard/sections';
import { FEATURES, featureShown } from '../../../../lib/policy/keys';

const sectionIds: string[] = DASHBOARD_SECTIONS.map((s) => s.id);
const tabIds = POPUP_TABS.map((tab) => tab.id);

/** Every section id the code opens by name: hashes it builds, banner buttons, dashboard URLs. */
function sectionsOpenedInCode(): Map<string, string[]> {
  const opened = new Map<string, string[]>();
  const patterns = [
    /dashboardHash\(\s*'([^']*)'/g,
    /openDashboardTab\(\s*'([^']*)'/g,
    /onOpenDashboard\?\.\(\s*'([^']*)'/g,
    /prefilledHash\(\s*'([^']*)'/g,
    /\/dashboard\.html#([a-z-]*)/g,
    /type: 'open-dashboard',\s*section: '([^']*)'/g,
  ];
  for (const dir of ['entrypoints', 'components', 'containers', 'hooks', 'lib']) {
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(file)) continue;
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      for (const pattern of patterns)
        for (const [, id = ''] of text.matchAll(pattern))
          opened.set(id, [...(opened.get(id) ?? []), `${dir}/${file}`]);
    }
  }
  return opened;
}

describe('the dashboard and popup registries', () => {
  it('every section the code opens by name is in the dashboard registry', () => {
    const opened = sectionsOpenedInCode();
    // The banner's two buttons, the case table's and the reminders: if these go unseen, the scan broke.
    expect([...opened.keys()]).toEqual(expect.arrayContaining(['resume-link', 'call-reports', 'cases']));
    const unknown = [...opened].filter(([id]) => !sectionIds.includes(id));
    expect(unknown, 'sections opened but not registered (id, files)').toEqual([]);
  });

  it('the registry and the sections the background knows (lib/dashboard/sections.ts) are the same', () => {
    expect([...sectionIds].sort()).toEqual([...DASHBOARD_SECTION_IDS].sort());
  });

  it('each section is the folder named by its id, and every folder there is a registered section', () => {
    const folders = readdirSync('entrypoints/dashboard/sections', { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.sort()).toEqual([...sectionIds].sort());
  });

  it('ids are unique slugs, as the open-dashboard message and the popup hash require', () => {
    for (const ids of [sectionIds, tabIds]) {
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z-]{1,40}$/);
    }
  });

  it('the first section and the first tab belong to no feature: a policy never hides the default', () => {
    expect(SECTION_FEATURES[DASHBOARD_SECTIONS[0]?.id ?? 'agency']).toBeUndefined();
    expect(POPUP_TABS[0]?.feature).toBeUndefined();
  });

  it('every feature the policy can hide hides at least one section or tab', () => {
    for (const feature of FEATURES) {
      const policy = { hiddenFeatures: [feature] };
      const hidden = [
        ...DASHBOARD_SECTIONS.filter((s) => !sectionShown(s.id, policy)).map((s) => `section ${s.id}`),
        ...POPUP_TABS.filter((tab) => !featureShown(tab.feature, policy)).map((tab) => `tab ${tab.id}`),
      ];
      expect(hidden.length, feature).toBeGreaterThan(0);
    }
  });

  it.each([
    ['resume-links', ['section resume-link', 'tab resume-link']],
    ['call-reports', ['section call-reports', 'tab call-report']],
    ['npn-registry', ['section npn-registry', 'tab npn-check']],
    ['at-risk', ['section at-risk']],
  ] as const)('hiding %s hides %j', (feature, places) => {
    const policy = { hiddenFeatures: [feature] };
    const sections: string[] = shownSections(policy).map((s) => s.id);
    const tabs = POPUP_TABS.filter((tab) => featureShown(tab.feature, policy)).map((tab) => tab.id);
    expect([
      ...sectionIds.filter((id) => !sections.includes(id)).map((id) => `section ${id}`),
      ...tabIds.filter((id) => !tabs.includes(id)).map((id) => `tab ${id}`),
    ]).toEqual(places);
  });

  it('an unknown or hidden section gives way to the first', () => {
    expect(sectionFor('cases', {}).id).toBe('cases');
    expect(sectionFor('no-such-section', {}).id).toBe('profile');
    expect(sectionFor('at-risk', { hiddenFeatures: ['at-risk'] }).id).toBe('profile');
  });
});

describe('dashboard App', () => {
  // lib/policy/managed.background.ts keeps the policy it read for the module's life: a fresh module per
  // test reads the policy that test sets.
  const loadApp = async () => (await import('../../../../entrypoints/dashboard/App')).App;
  beforeEach(() => {
    vi.resetModules();
  });
  afterEach(() => {
    location.hash = '';
  });

  const navLinks = () =>
    screen
      .getAllByRole('link')
      .filter((a) => a.closest('nav'))
      .map((a) => a.getAttribute('href'));

  it('lists every section in registry order, opens the one the hash names, the first for an unknown one', async () => {
    const App = await loadApp();
    location.hash = '#cases';
    const { unmount } = render(<App />);
    await waitFor(() => expect(navLinks()).toEqual(sectionIds.map((id) => `#${id}`)));
    expect(screen.getByRole('link', { name: 'Invalid Action cases' }).getAttribute('aria-current')).toBe(
      'page',
    );
    unmount();

    location.hash = '#no-such-section';
    render(<App />);
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Profile' }).getAttribute('aria-current')).toBe('page'),
    );
  });

  it('a policy hiding a feature removes its nav link, and its hash opens the first section instead', async () => {
    await fakeBrowser.storage.managed.set({ hiddenFeatures: ['at-risk'] });
    const App = await loadApp();
    location.hash = '#at-risk';
    render(<App />);
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Your profile' })).toBeTruthy());
    expect(navLinks()).toEqual(sectionIds.filter((id) => id !== 'at-risk').map((id) => `#${id}`));
    expect(screen.queryByRole('heading', { name: 'AOR at-risk clients' })).toBeNull();
  });
});

describe('dashboard Profile on first open', () => {
  it('shows the form with defaults before storage or the policy answers, then fills it in', async () => {
    vi.resetModules();
    const { profileItem } = await import('../../../../lib/storage/settings');
    await profileItem.setValue({ name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2027 });
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((async (...args: unknown[]) => {
      await answered;
      return (get as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as typeof fakeBrowser.storage.local.get);
    const { profileSection } = await import('../../../../entrypoints/dashboard/sections/profile');
    const Section = profileSection.component;
    render(<Section prefill={{}} agency={undefined} />);
    expect(screen.getByLabelText('Your NPN')).toHaveProperty('value', '');
    expect(screen.getByRole('button', { name: 'Save profile' })).toBeTruthy();
    answer();
    await waitFor(() => expect(screen.getByLabelText('Your NPN')).toHaveProperty('value', '12345678'));
    expect(screen.getByLabelText('Your name')).toHaveProperty('value', 'Sam Agent');
    vi.restoreAllMocks();
  });
});
