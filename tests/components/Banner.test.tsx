import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Banner } from '../../components/Banner';
import { assessInvalidActionRisk } from '../../lib/risk';
import type { PageFacts } from '../../lib/sites';

const facts: PageFacts = {
  site: 'healthsherpa',
  pageKind: 'client',
  aorName: '<img src=x onerror=alert(1)>',
  aorNpn: '87654321',
  hasActiveCoverage: true,
  invalidActionError: false,
};

describe('Banner', () => {
  it('says the update will be blocked, why, and the two ways forward', () => {
    const assessment = assessInvalidActionRisk({
      submittingNpn: '12345678',
      policyNpn: '87654321',
      hasActiveCoverage: true,
      pathway: 'agent',
    });
    render(<Banner assessment={assessment} facts={facts} submittingNpn="12345678" onDismiss={vi.fn()} />);
    const alert = screen.getByRole('alert');
    expect(screen.getByRole('heading', { name: 'CMS will block this update (Invalid Action)' })).toBeTruthy();
    expect(alert.textContent).toContain('the NPN on it is not the one you submit with');
    expect(alert.textContent).toContain('Resume Link');
    expect(alert.textContent).toContain('1-855-788-6275');
    expect(alert.textContent).toContain('Do not create a new application');
  });

  it('renders page text as text, never as markup', () => {
    const assessment = assessInvalidActionRisk({
      submittingNpn: '1',
      policyNpn: '87654321',
      hasActiveCoverage: true,
      pathway: 'agent',
    });
    const { container } = render(
      <Banner assessment={assessment} facts={facts} submittingNpn="1" onDismiss={vi.fn()} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('offers no 3-way call for an EAP enrollment', () => {
    const assessment = assessInvalidActionRisk({
      submittingNpn: '1',
      policyNpn: '2',
      hasActiveCoverage: true,
      pathway: 'agent',
      enrolleeAssistance: true,
    });
    render(<Banner assessment={assessment} facts={facts} submittingNpn="1" onDismiss={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).not.toContain('1-855-788-6275');
  });

  it('can be dismissed from the keyboard-reachable button', () => {
    const onDismiss = vi.fn();
    const assessment = assessInvalidActionRisk({ submittingNpn: '1', pathway: 'agent' });
    render(<Banner assessment={assessment} facts={facts} submittingNpn="1" onDismiss={onDismiss} />);
    expect(screen.getByRole('heading').textContent).toBe('Check the agent of record before you submit');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});
