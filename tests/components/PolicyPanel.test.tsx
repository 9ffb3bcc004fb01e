import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PolicyPanel } from '../../components/PolicyPanel';
import { parsePolicy } from '../../lib/policy/keys';
import { pageRule } from '../support/page-rule-sample';

describe('PolicyPanel', () => {
  it('shows the agency’s page rules as a count pointing to the Page rules section, not as JSON', () => {
    const siteRules = JSON.stringify({
      format: 'aor-guard-page-rules',
      version: 1,
      rules: [pageRule({ id: 'a' }), pageRule({ id: 'b' })],
    });
    render(<PolicyPanel parsed={parsePolicy({ agencyName: 'Acme', siteRules })} />);
    const row = screen.getByRole('rowheader', { name: 'siteRules' }).closest('tr');
    expect(row?.querySelector('td')?.textContent).toBe('2 page rules, listed under Page rules');
    expect(screen.getByRole('cell', { name: 'Acme' })).toBeTruthy();
  });
});
