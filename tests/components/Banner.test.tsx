import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Banner } from '../../components/Banner';
import { assessInvalidActionRisk } from '../../lib/risk/rules';
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

  it('names no agent of record when the page shows two different ones', () => {
    const assessment = assessInvalidActionRisk({
      submittingNpn: '1',
      hasActiveCoverage: true,
      pathway: 'agent',
    });
    render(
      <Banner
        assessment={assessment}
        facts={{ ...facts, conflicts: ['aorNpn'] }}
        submittingNpn="1"
        onDismiss={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).not.toContain('Agent of record on the page');
  });

  it('opens the call report prefilled from the 3-way call script', () => {
    const onOpenDashboard = vi.fn();
    const assessment = assessInvalidActionRisk({
      submittingNpn: '1',
      policyNpn: '2',
      hasActiveCoverage: true,
      pathway: 'agent',
    });
    render(
      <Banner
        assessment={assessment}
        facts={{ ...facts, applicationId: '4567891230', state: 'TX' }}
        submittingNpn="1"
        onDismiss={vi.fn()}
        onOpenDashboard={onOpenDashboard}
      />,
    );
    const toggle = screen.getByRole('button', { name: '3-way call script' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Tell the representative that the consumer is on the line.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Log call report' }));
    expect(onOpenDashboard).toHaveBeenCalledWith('call-reports', {
      applicationId: '4567891230',
      state: 'TX',
    });
  });

  it('warns about a possible AOR swap with the fraud address', () => {
    const assessment = assessInvalidActionRisk({
      submittingNpn: '1',
      policyNpn: '1',
      hasActiveCoverage: true,
      pathway: 'agent',
    });
    render(<Banner assessment={assessment} facts={facts} submittingNpn="1" atRisk onDismiss={vi.fn()} />);
    expect(screen.getByRole('heading').textContent).toBe(
      'The agent of record on this application may have been swapped',
    );
    expect(screen.getByRole('alert').textContent).toContain('FFMProducer-AssisterHelpDesk@cms.hhs.gov');
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

describe('Banner when the page contradicts itself', () => {
  it('names the different NPNs and says coverage is contradictory, as a caution', () => {
    const facts: PageFacts = {
      site: 'healthsherpa',
      pageKind: 'client',
      invalidActionError: false,
      aorNpn: '87654321',
      aorNpns: ['87654321', '11223344'],
      conflicts: ['aorNpn', 'hasActiveCoverage'],
    };
    const assessment = assessInvalidActionRisk({ submittingNpn: '1', pathway: 'agent' });
    render(<Banner assessment={assessment} facts={facts} submittingNpn="1" onDismiss={vi.fn()} />);
    expect(screen.getByText(/different agents of record: NPN 87654321, 11223344/)).toBeTruthy();
    expect(screen.getByText(/both active and ended coverage/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/Check the agent of record/);
  });
  it('names the policy the verdict is about on a page with several', () => {
    const facts: PageFacts = { site: 'healthsherpa', pageKind: 'client', invalidActionError: false };
    const assessment = assessInvalidActionRisk({
      submittingNpn: '1',
      policyNpn: '2',
      hasActiveCoverage: true,
      pathway: 'agent',
    });
    render(
      <Banner
        assessment={assessment}
        facts={facts}
        submittingNpn="1"
        policyName="Delta Dental"
        onDismiss={vi.fn()}
      />,
    );
    expect(screen.getByText('The policy this is about: Delta Dental.')).toBeTruthy();
  });
});

describe('Banner under an agency policy that hides features', () => {
  it('offers no button of a hidden feature', () => {
    const facts: PageFacts = { site: 'healthsherpa', pageKind: 'client', invalidActionError: false };
    const assessment = assessInvalidActionRisk({
      submittingNpn: '1',
      policyNpn: '2',
      hasActiveCoverage: true,
      pathway: 'agent',
    });
    render(
      <Banner
        assessment={assessment}
        facts={facts}
        submittingNpn="1"
        hiddenFeatures={['resume-links', 'call-reports']}
        onDismiss={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Send Resume Link' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '3-way call script' }));
    expect(screen.queryByRole('button', { name: 'Log call report' })).toBeNull();
    expect(screen.getAllByText(/Call the Marketplace Call Center at 1-855-788-6275/).length).toBeGreaterThan(
      0,
    );
  });
});
