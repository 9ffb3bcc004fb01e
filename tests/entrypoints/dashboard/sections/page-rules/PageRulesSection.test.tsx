// The Page rules section as the dashboard shows it: the real store (fake-indexeddb), the agency's policy
// as the dashboard hands it, and the background's reply to "Try on current tab" from fakeBrowser.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageRulesSection } from '../../../../../entrypoints/dashboard/sections/page-rules';
import type { PageRule } from '../../../../../lib/page-rules/rule';
import { addPageRule, listPageRules } from '../../../../../lib/page-rules/store';
import { parsePolicy } from '../../../../../lib/policy/keys';
import { db } from '../../../../../lib/storage/db';
import { pageRule } from '../../../../support/page-rule-sample';

const Section = pageRulesSection.component;
const mine = pageRule({ id: 'mine', name: 'AOR NPN on Sherpa' });
const agencyRule = pageRule({
  id: 'acme',
  name: 'Coverage by Acme',
  fact: 'hasActiveCoverage',
  anchor: 'Status',
});

const agencyWith = (rules: unknown[]) => ({
  installed: true,
  parsed: parsePolicy({
    siteRules: JSON.stringify({ format: 'aor-guard-page-rules', version: 1, rules }),
  }),
});

const jsonFile = (value: unknown, name = 'rules.json') =>
  new File([typeof value === 'string' ? value : JSON.stringify(value)], name, { type: 'application/json' });

function pick(file: File) {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
}

const row = (name: string) =>
  screen.getByRole('cell', { name: new RegExp(`^${name}`) }).closest('tr') as HTMLElement;

beforeEach(async () => {
  await db.pageRules.clear();
  await addPageRule(mine);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.pageRules.clear();
});

describe('Page rules section', () => {
  it('lists the agent’s rules and the agency’s, which cannot be renamed or deleted', async () => {
    render(<Section prefill={{}} agency={agencyWith([agencyRule])} />);
    await screen.findByRole('cell', { name: /^AOR NPN on Sherpa/ });
    const own = within(row('AOR NPN on Sherpa'));
    expect(own.getByRole('cell', { name: 'HealthSherpa' })).toBeTruthy();
    expect(own.getByRole('cell', { name: '/agents/*/clients/*' })).toBeTruthy();
    expect(own.getByRole('cell', { name: 'AOR NPN' })).toBeTruthy();
    expect(own.getByRole('button', { name: 'Rename rule AOR NPN on Sherpa' })).toBeTruthy();
    expect(own.getByRole('button', { name: 'Delete rule AOR NPN on Sherpa' })).toBeTruthy();

    const theirs = within(row('Coverage by Acme'));
    expect(theirs.getByText('Set by your agency')).toBeTruthy();
    expect(theirs.getByRole('cell', { name: 'Coverage status' })).toBeTruthy();
    expect(theirs.queryByRole('button', { name: /Rename|Delete/ })).toBeNull();
    expect(theirs.getByRole('button', { name: 'Try on current tab: rule Coverage by Acme' })).toBeTruthy();
  });

  it('lists the agency’s invalid rules with why, and applies the valid ones', async () => {
    render(
      <Section
        prefill={{}}
        agency={agencyWith([agencyRule, { ...pageRule({ id: 'x', name: 'Broken one' }), fact: 'verdict' }])}
      />,
    );
    const list = within(await screen.findByRole('list'));
    expect(screen.getByRole('heading', { name: 'Rules from your agency that are not applied' })).toBeTruthy();
    expect(list.getByRole('listitem').textContent).toMatch(/^Rule 2 \(Broken one\): fact: /);
    expect(screen.getByRole('cell', { name: /^Coverage by Acme/ })).toBeTruthy();
  });

  it('renames inline from the keyboard: Enter saves, Escape gives up, an empty name is refused', async () => {
    render(<Section prefill={{}} agency={undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename rule AOR NPN on Sherpa' }));
    const field = screen.getByRole('textbox', { name: 'New name for rule AOR NPN on Sherpa' });
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('textbox')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Rename rule AOR NPN on Sherpa' }),
      ),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Rename rule AOR NPN on Sherpa' }));
    const again = screen.getByRole('textbox', { name: 'New name for rule AOR NPN on Sherpa' });
    fireEvent.input(again, { target: { value: '   ' } });
    fireEvent.submit(again.closest('form') as HTMLFormElement);
    await screen.findByText('A rule name is 1 to 80 characters.');
    expect(again.getAttribute('aria-invalid')).toBe('true');
    expect((await listPageRules())[0]?.name).toBe('AOR NPN on Sherpa');

    fireEvent.input(again, { target: { value: 'NPN, client page' } });
    fireEvent.submit(again.closest('form') as HTMLFormElement);
    await screen.findByRole('cell', { name: /^NPN, client page/ });
    expect((await listPageRules())[0]?.name).toBe('NPN, client page');
  });

  it('deletes a rule and brings it back with Undo', async () => {
    render(<Section prefill={{}} agency={undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete rule AOR NPN on Sherpa' }));
    await screen.findByText('Rule AOR NPN on Sherpa was deleted.');
    expect(await listPageRules()).toEqual([]);
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo deleting rule AOR NPN on Sherpa' }));
    await screen.findByText('Rule AOR NPN on Sherpa is back.');
    expect(await listPageRules()).toEqual([mine]);
  });

  it('imports a rules file, and refuses a bad one with the reason, changing nothing', async () => {
    render(<Section prefill={{}} agency={undefined} />);
    await screen.findByRole('cell', { name: /^AOR NPN on Sherpa/ });
    const before = await listPageRules();

    pick(jsonFile('{ not json'));
    await screen.findByText(
      'This file is not JSON. Choose a file made by Export rules. Nothing was changed.',
    );
    pick(
      jsonFile({
        format: 'aor-guard-page-rules',
        version: 1,
        rules: [{ ...pageRule({ id: 'n' }), site: 'myspace' }],
      }),
    );
    const alert = await screen.findByText(/^This is not an AOR Guard page rules file/);
    expect(alert.textContent).toMatch(/\(rules\.0\.site: .+\)\. Nothing was changed\.$/);
    expect(await listPageRules()).toEqual(before);

    const fresh: PageRule = pageRule({
      id: 'fresh',
      name: 'Plan year',
      fact: 'planYear',
      createdAt: '2026-11-30T10:00:00.000Z',
    });
    pick(
      jsonFile({
        format: 'aor-guard-page-rules',
        version: 1,
        rules: [fresh, { ...mine, name: 'Renamed by file' }],
      }),
    );
    await screen.findByText('Imported: 1 rules added, 1 replaced.');
    expect(screen.getByRole('alert').textContent).toBe('');
    await screen.findByRole('cell', { name: /^Renamed by file/ });
    expect(
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.querySelector('td')?.firstChild?.textContent),
    ).toEqual(['Plan year', 'Renamed by file']);
  });

  it('tries a rule on the current tab and shows what came back, or that it is not available', async () => {
    const replies: unknown[] = [
      { found: true, value: '87654321' },
      { found: false, reason: 'other-site' },
      { found: false, reason: 'not-found' },
      { found: false, reason: 'no-tab' },
      { surprise: true },
    ];
    const sent = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockImplementation(async () => replies.shift() as never);
    render(<Section prefill={{}} agency={undefined} />);
    const button = await screen.findByRole('button', {
      name: 'Try on current tab: rule AOR NPN on Sherpa',
    });
    const expected = [
      'Rule AOR NPN on Sherpa found on the current tab: 87654321',
      "Rule AOR NPN on Sherpa: the current tab is not on the rule's site.",
      'Rule AOR NPN on Sherpa found nothing on the current tab.',
      'Rule AOR NPN on Sherpa: no tab with a page is open.',
      'Not available: AOR Guard could not try rule AOR NPN on Sherpa.',
    ];
    for (const text of expected) {
      fireEvent.click(button);
      await screen.findByText(text);
    }
    expect(sent).toHaveBeenCalledWith({ type: 'try-page-rule', rule: mine });
  });

  it('says the rule could not be tried when nothing answers', async () => {
    render(<Section prefill={{}} agency={undefined} />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Try on current tab: rule AOR NPN on Sherpa' }),
    );
    await waitFor(() =>
      expect(screen.getByText('Not available: AOR Guard could not try rule AOR NPN on Sherpa.')).toBeTruthy(),
    );
  });
});
