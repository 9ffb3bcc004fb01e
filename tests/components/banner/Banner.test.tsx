import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Banner } from '../../../components/banner/Banner';
import { assessInvalidActionRisk, blocked } from '../../../lib/risk/rules';
import type { PageFacts } from '../../../lib/sites';

const facts: PageFacts = {
  site: 'healthsherpa',
  pageKind: 'client',
  aorName: '<img src=x onerror=alert(1)>',
  aorNpn: '87654321',
  hasActiveCoverage: true,
  invalidActionError: false,
};

/**
 * What a person sees: the text, with the words drawn from data-said (CSS generated content, which
 * jsdom does not lay out) in their place.
 */
function shown(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const said of copy.querySelectorAll<HTMLElement>('[data-said]'))
    said.textContent = said.dataset.said ?? '';
  return copy.textContent ?? '';
}

describe('Banner', () => {
  it('shows the state line beside the verdict, in the panel and in the chip, as text', () => {
    const line = 'Your profile has no active health license in <b>FL</b>.';
    const assessment = blocked('npn-changes', false);
    const { rerender } = render(
      <Banner
        assessment={assessment}
        facts={facts}
        submittingNpn="12345678"
        stateLine={line}
        onDismiss={vi.fn()}
      />,
    );
    expect(screen.getByText(line)).toBeTruthy();
    rerender(
      <Banner
        assessment={assessment}
        facts={facts}
        submittingNpn="12345678"
        stateLine={line}
        view="chip"
        onDismiss={vi.fn()}
      />,
    );
    expect(screen.getByText(line)).toBeTruthy();
  });

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
    expect(shown(container)).toContain('<img src=x onerror=alert(1)>');
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
    expect(shown(screen.getByRole('heading'))).toBe(
      'The agent of record on this application may have been swapped',
    );
    expect(shown(screen.getByRole('alert'))).toContain('FFMProducer-AssisterHelpDesk@cms.hhs.gov');
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
    expect(screen.getByText(/different agents of record: 87654321 and 11223344\./)).toBeTruthy();
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
    expect(screen.getByRole('alert').textContent).toContain(
      'Call the Marketplace Call Center at 1-855-788-6275',
    );
  });
});

describe('Banner presentations', () => {
  const blockedNow = assessInvalidActionRisk({
    submittingNpn: '12345678',
    policyNpn: '87654321',
    hasActiveCoverage: true,
    pathway: 'agent',
  });
  const unknown = assessInvalidActionRisk({ submittingNpn: '12345678', pathway: 'agent' });

  it('a chip is one line: its title is a button that expands it, nothing else is said', () => {
    const onOpen = vi.fn();
    render(
      <Banner
        assessment={blockedNow}
        facts={facts}
        submittingNpn="12345678"
        view="chip"
        onDismiss={vi.fn()}
        onOpen={onOpen}
      />,
    );
    const chip = screen.getByRole('button', { name: 'CMS will block this update (Invalid Action)' });
    expect(chip.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByRole('alert').textContent).not.toContain('Do not create a new application');
    fireEvent.click(chip);
    expect(onOpen).toHaveBeenCalledWith(true);
  });

  it('a compact caution names what is unknown and expands on "Show details"', () => {
    const onOpen = vi.fn();
    render(
      <Banner
        assessment={unknown}
        facts={facts}
        submittingNpn="12345678"
        view="compact"
        onDismiss={vi.fn()}
        onOpen={onOpen}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('does not show whether the consumer has active coverage');
    expect(alert.textContent).not.toContain('Sync the client');
    fireEvent.click(screen.getByRole('button', { name: 'Show details' }));
    expect(onOpen).toHaveBeenCalledWith(true);
  });

  it('a full panel collapses from its button and on Escape', () => {
    const onOpen = vi.fn();
    render(
      <Banner
        assessment={blockedNow}
        facts={facts}
        submittingNpn="12345678"
        onDismiss={vi.fn()}
        onOpen={onOpen}
      />,
    );
    const collapse = screen.getByRole('button', { name: 'Collapse' });
    expect(collapse.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(collapse);
    fireEvent.keyDown(screen.getByRole('alert'), { key: 'Escape' });
    expect(onOpen.mock.calls).toEqual([[false], [false]]);
  });

  it('a warning has a skip link first, which brings the banner forward', () => {
    const onFocus = vi.fn();
    const { container } = render(
      <Banner
        assessment={blockedNow}
        facts={facts}
        submittingNpn="12345678"
        onDismiss={vi.fn()}
        onFocus={onFocus}
      />,
    );
    const skip = screen.getByRole('button', { name: 'AOR Guard warning' });
    expect(container.querySelector('button')).toBe(skip);
    fireEvent.click(skip);
    expect(onFocus).toHaveBeenCalledOnce();
  });

  it('an informational chip has no skip link', () => {
    const own = assessInvalidActionRisk({ submittingNpn: '1', pathway: 'consumer-resume-link' });
    render(<Banner assessment={own} facts={facts} submittingNpn="1" view="chip" onDismiss={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'AOR Guard warning' })).toBeNull();
    expect(screen.getByRole('button', { name: /not affected/ })).toBeTruthy();
  });

  it('keeps the NPN submitted and the at-risk words out of the DOM text (drawn by CSS)', () => {
    const { container } = render(
      <Banner assessment={blockedNow} facts={facts} submittingNpn="12345678" atRisk onDismiss={vi.fn()} />,
    );
    expect(container.textContent).not.toContain('12345678');
    expect(container.textContent).not.toContain('AOR at-risk list');
    expect(shown(container)).toContain('Submitting as NPN 12345678');
    expect(shown(container)).toContain('AOR at-risk list');
  });
});

describe('Banner wording', () => {
  it('on the error page: CMS refused this update', () => {
    const refused = blocked('error-shown', false);
    render(
      <Banner
        assessment={refused}
        facts={{ ...facts, pageKind: 'invalid-action', invalidActionError: true }}
        submittingNpn="1"
        onDismiss={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { name: 'CMS refused this update (Invalid Action)' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).not.toContain('will block');
  });

  it('no NPN of their own: "Add your NPN" opens the welcome page, and no "sync the client"', () => {
    const onAddNpn = vi.fn();
    const assessment = assessInvalidActionRisk({
      submittingNpn: null,
      policyNpn: '87654321',
      hasActiveCoverage: true,
      pathway: 'agent',
    });
    render(
      <Banner
        assessment={assessment}
        facts={facts}
        submittingNpn={null}
        view="compact"
        onDismiss={vi.fn()}
        onAddNpn={onAddNpn}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add your NPN' }));
    expect(onAddNpn).toHaveBeenCalledOnce();
    expect(screen.getByRole('alert').textContent).not.toContain('Sync the client');
  });

  it('phone numbers never break: each sits in a no-wrap span', () => {
    render(
      <Banner
        assessment={assessInvalidActionRisk({
          submittingNpn: '1',
          policyNpn: '2',
          hasActiveCoverage: true,
          pathway: 'agent',
        })}
        facts={facts}
        submittingNpn="1"
        onDismiss={vi.fn()}
      />,
    );
    const numbers = [...screen.getByRole('alert').querySelectorAll('.num')].map((n) => n.textContent);
    expect(numbers.length).toBeGreaterThanOrEqual(2);
    expect(new Set(numbers)).toEqual(new Set(['1-855-788-6275']));
  });

  it('the 3-way call script asks for the SSN or immigration document, and claims no more', () => {
    render(
      <Banner
        assessment={assessInvalidActionRisk({
          submittingNpn: '1',
          policyNpn: '2',
          hasActiveCoverage: true,
          pathway: 'agent',
        })}
        facts={facts}
        submittingNpn="1"
        onDismiss={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '3-way call script' }));
    expect(screen.getByText(/have the consumer's SSN or immigration document ready/)).toBeTruthy();
  });

  it('the 3-way call script gives the NPN first, then the call, and asks what the consumer authorises', () => {
    render(
      <Banner
        assessment={assessInvalidActionRisk({
          submittingNpn: '1',
          policyNpn: '2',
          hasActiveCoverage: true,
          pathway: 'agent',
        })}
        facts={facts}
        submittingNpn="1"
        onDismiss={vi.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '3-way call script' }));
    const steps = [...document.querySelectorAll('#aor-guard-script li')].map((li) => li.textContent ?? '');
    expect(steps[0]).toMatch(/^Call the Marketplace Call Center/);
    expect(steps[1]).toBe('Give your NPN first: the agent line asks for it before anything else.');
    expect(steps[2]).toMatch(/consumer is on the line/);
    const authorises = steps.findIndex((s) =>
      /this call only, or for longer \(up to a year\) and until when/.test(s),
    );
    expect(authorises).toBeGreaterThan(steps.findIndex((s) => /asks to update/.test(s)));
    expect(authorises).toBeLessThan(steps.findIndex((s) => /makes the change/.test(s)));
  });

  it('says which facts a taught rule read, and offers to show AOR Guard when it is wrong', () => {
    const assessment = assessInvalidActionRisk({
      submittingNpn: '12345678',
      policyNpn: '87654321',
      hasActiveCoverage: true,
      pathway: 'agent',
    });
    const onTeach = vi.fn();
    render(
      <Banner
        assessment={assessment}
        facts={{
          ...facts,
          taught: [{ fact: 'aorNpn', rule: 'AOR NPN', from: 'agency', taughtAt: '2026-11-20T10:00:00.000Z' }],
        }}
        submittingNpn="12345678"
        onDismiss={vi.fn()}
        onTeach={onTeach}
      />,
    );
    expect(screen.getByText(/^AOR NPN read as your agency showed AOR Guard/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Not right? Show AOR Guard' }));
    expect(onTeach).toHaveBeenCalledOnce();
  });

  it('names the plan year judged, and both years when the page does not say whether 2027 exists', () => {
    const unknown = assessInvalidActionRisk({
      submittingNpn: '12345678',
      policyNpn: '87654321',
      hasActiveCoverage: true,
      activeCoveragePlanYear: 2026,
      submissionPlanYear: 2027,
      pathway: 'agent',
    });
    render(
      <Banner
        assessment={unknown}
        facts={facts}
        submittingNpn="12345678"
        planYear={2027}
        onDismiss={vi.fn()}
      />,
    );
    const banner = screen.getByRole('alert');
    expect(shown(banner)).toContain('Judged for plan year 2027.');
    expect(shown(banner)).toContain('whether the consumer has a 2027 enrollment');
    expect(shown(banner)).toContain("carries the 2026 agent of record's NPN");
  });

  it('a new plan year: the chip itself says why the other agent does not matter', () => {
    const fresh = assessInvalidActionRisk({
      submittingNpn: '12345678',
      policyNpn: '87654321',
      hasActiveCoverage: true,
      activeCoveragePlanYear: 2026,
      submissionPlanYear: 2027,
      submissionYearEnrolled: false,
      pathway: 'agent',
    });
    render(
      <Banner
        assessment={fresh}
        facts={facts}
        submittingNpn="12345678"
        planYear={2027}
        view="chip"
        onDismiss={vi.fn()}
      />,
    );
    expect(
      screen.getByRole('button', {
        name: 'No 2027 enrollment yet: a new 2027 enrollment is not affected by the 2026 agent of record.',
      }),
    ).toBeTruthy();
  });
});

describe('Banner: the full panel in the order the agent acts (issue 29)', () => {
  const blockedNow = assessInvalidActionRisk({
    submittingNpn: '12345678',
    policyNpn: '87654321',
    hasActiveCoverage: true,
    pathway: 'agent',
  });
  const page: PageFacts = { ...facts, aorName: 'Jane Broker', applicationId: '4567891230' };

  it('what happens, do not create, the two ways forward, then why; the details wait below their button', () => {
    const { container } = render(
      <Banner assessment={blockedNow} facts={page} submittingNpn="12345678" onDismiss={vi.fn()} />,
    );
    const text = container.textContent ?? '';
    const at = (words: string) => text.indexOf(words);
    expect(at('Do not create')).toBeLessThan(at('Two ways forward'));
    expect(at('Two ways forward')).toBeLessThan(at('Send Resume Link'));
    expect(at('3-way call script')).toBeLessThan(at('the NPN on it is not the one you submit with'));
    const details = screen.getByRole('button', { name: 'Details' });
    const aorLine = container.querySelector<HTMLElement>('#aor-guard-details');
    expect(aorLine?.hidden).toBe(true);
    expect(shown(aorLine as Element)).toContain('Agent of record on the page: Jane Broker (NPN 87654321)');
    fireEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(aorLine?.hidden).toBe(false);
  });

  it('the call script opens right after its button, so Log call report is the next Tab stop', () => {
    render(<Banner assessment={blockedNow} facts={page} submittingNpn="12345678" onDismiss={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: '3-way call script' }));
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons[buttons.indexOf('3-way call script') + 1]).toBe('Log call report');
  });

  it('says the name is not shown rather than a dash', () => {
    const { container } = render(
      <Banner
        assessment={blockedNow}
        facts={{ ...page, aorName: undefined }}
        submittingNpn="12345678"
        onDismiss={vi.fn()}
      />,
    );
    expect(shown(container)).toContain('NPN 87654321 (the page shows no name)');
    expect(shown(container)).not.toContain('—');
  });

  it('a caution on an at-risk page keeps the caution stripe under the caution heading', () => {
    const unknown = assessInvalidActionRisk({ submittingNpn: '12345678', pathway: 'agent' });
    render(<Banner assessment={unknown} facts={page} submittingNpn="12345678" atRisk onDismiss={vi.fn()} />);
    const alert = screen.getByRole('alert');
    expect(screen.getByRole('heading').textContent).toBe('Check the agent of record before you submit');
    expect(alert.className).toContain('banner-caution');
    expect(alert.className).not.toContain('banner-at-risk');
  });
});
