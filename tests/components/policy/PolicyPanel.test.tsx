import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PolicyPanel } from '../../../components/policy/PolicyPanel';
import { parsePolicy } from '../../../lib/policy/keys';
import { pageRule } from '../../support/page-rule-sample';

describe('PolicyPanel', () => {
  it('shows the agency’s page rules as a count pointing to the Page rules section, not as JSON', () => {
    const siteRules = JSON.stringify({
      format: 'aor-guard-page-rules',
      version: 1,
      rules: [pageRule({ id: 'a' }), pageRule({ id: 'b' })],
    });
    render(<PolicyPanel parsed={parsePolicy({ agencyName: 'Acme', siteRules })} />);
    const row = screen.getByRole('rowheader', { name: /^Page rules for every agent/ }).closest('tr');
    expect(row?.querySelector('td')?.textContent).toBe('2 page rules, listed under Page rules');
    expect(screen.getByRole('cell', { name: 'Acme' })).toBeTruthy();
  });

  it('names each setting in words, with its key for IT, and says why an ignored value was ignored', () => {
    render(<PolicyPanel parsed={parsePolicy({ agencyName: 'Acme', textSendsPerNumberPer24h: 99 })} />);
    expect(screen.getByRole('rowheader', { name: 'Agency name agencyName' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(
      "Ignored: Resume Link texts per number in 24 hours (textSendsPerNumberPer24h) is not valid; it must be a whole number from 1 to 20. Ask your agency's IT to correct it; your own setting applies meanwhile.",
    );
  });
});
