import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PagePanel } from '../../../components/risk/PagePanel';
import type { PageFacts } from '../../../lib/sites';

const profile = { name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2026 };
const facts: PageFacts = {
  site: 'healthsherpa',
  pageKind: 'client',
  applicationId: '4567891230',
  consumerName: 'Maria Lopez',
  hasActiveCoverage: true,
  invalidActionError: false,
};

describe('PagePanel (popup "This page")', () => {
  it('names the consumer state the profile holds no active health license in, as the banner does', () => {
    const licenses = [{ state: 'TX', healthLoa: true, expires: '2099-12-31' }];
    const inFlorida = { ...facts, state: 'FL', planYear: 2026 };
    const { rerender } = render(
      <PagePanel facts={inFlorida} profile={profile} licenses={licenses} policy={{}} atRisk={false} />,
    );
    expect(screen.getByText('Your profile has no active health license in FL.')).toBeTruthy();
    rerender(
      <PagePanel
        facts={{ ...inFlorida, state: 'TX' }}
        profile={profile}
        licenses={licenses}
        policy={{}}
        atRisk={false}
      />,
    );
    expect(screen.queryByText(/no active health license/)).toBeNull();
  });

  it('opens on the verdict: what was read comes after it', () => {
    render(<PagePanel facts={facts} profile={profile} policy={{}} atRisk={false} />);
    const verdict = screen.getByRole('heading', { name: 'Verify the agent of record first' });
    const consumer = screen.getByText('Maria Lopez');
    expect(verdict.compareDocumentPosition(consumer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows what the page says and asks to verify when the AOR NPN is not shown', () => {
    render(<PagePanel facts={facts} profile={profile} policy={{}} atRisk={false} />);
    expect(screen.getByText('Maria Lopez')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Verify the agent of record first' })).toBeTruthy();
  });

  it('re-assesses when the agent enters the AOR NPN read from the Marketplace', () => {
    render(<PagePanel facts={facts} profile={profile} policy={{}} atRisk={false} />);
    const input = screen.getByLabelText('Agent of record NPN from the Marketplace');
    fireEvent.input(input, { target: { value: '87654321' } });
    expect(screen.getByRole('heading', { name: 'CMS will block this update' })).toBeTruthy();
    fireEvent.input(input, { target: { value: '12345678' } });
    expect(screen.getByRole('heading', { name: 'Not affected by the Invalid Action error' })).toBeTruthy();
  });

  it('explains a bad NPN correction and keeps the page’s verdict', () => {
    render(<PagePanel facts={facts} profile={profile} policy={{}} atRisk={false} />);
    fireEvent.input(screen.getByLabelText('Agent of record NPN from the Marketplace'), {
      target: { value: '123-45-6789' },
    });
    expect(screen.getByText(/looks like a Social Security number/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Verify the agent of record first' })).toBeTruthy();
  });

  it('lets the agent say there is no active coverage', () => {
    render(
      <PagePanel facts={{ ...facts, aorNpn: '87654321' }} profile={profile} policy={{}} atRisk={false} />,
    );
    expect(screen.getByRole('heading', { name: 'CMS will block this update' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Does the consumer have active coverage?'), {
      target: { value: 'no' },
    });
    expect(screen.getByText('The consumer has no active coverage.')).toBeTruthy();
  });

  it('says so when the tab is not an enrollment page', () => {
    render(<PagePanel facts={null} profile={profile} policy={{}} atRisk={false} />);
    expect(screen.getByText(/This tab is not a consumer page/)).toBeTruthy();
  });
});

describe('PagePanel under an agency Override NPN', () => {
  const agency = { overrideNpns: ['55555555'] };
  const onAgencyNpn: PageFacts = { ...facts, aorNpn: '55555555' };

  it('judges as the banner does: the agency’s NPN is the one submitted, with or without a saved profile', () => {
    for (const p of [profile, null]) {
      const { unmount } = render(
        <PagePanel facts={onAgencyNpn} profile={p} policy={agency} atRisk={false} />,
      );
      expect(screen.getByRole('heading', { name: 'Not affected by the Invalid Action error' })).toBeTruthy();
      expect(screen.getByText('Submitting as NPN').nextElementSibling?.textContent).toBe('55555555');
      unmount();
    }
  });

  it('offers to show AOR Guard where the page says it, and says which facts a taught rule read', () => {
    const teach = vi.fn();
    render(
      <PagePanel
        facts={{
          ...facts,
          aorNpn: '87654321',
          taught: [
            {
              fact: 'aorNpn',
              rule: 'AOR NPN · /agents/*/clients/*',
              from: 'agent',
              taughtAt: '2026-12-01T15:00:00.000Z',
            },
          ],
          untaught: ['Coverage · /agents/*/clients/*'],
        }}
        profile={profile}
        policy={{}}
        atRisk={false}
        onTeach={teach}
      />,
    );
    expect(screen.getByText(/^AOR NPN: read as you showed AOR Guard on /)).toBeTruthy();
    expect(
      screen.getByText(/“Coverage · \/agents\/\*\/clients\/\*” no longer finds its value here/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Not right? Show AOR Guard' }));
    expect(teach).toHaveBeenCalledOnce();
  });

  it('names the plan year it judged and, in Open Enrollment, both years of a new enrollment', () => {
    const oe: PageFacts = {
      ...facts,
      aorNpn: '87654321',
      planYear: 2027,
      submissionPlanYear: 2027,
      coveragePlanYear: 2026,
      notEnrolledPlanYears: [2027],
    };
    render(<PagePanel facts={oe} profile={profile} policy={{}} atRisk={false} />);
    const judged = screen.getByText('Plan year judged');
    expect(judged.nextElementSibling?.textContent).toBe('2027');
    expect(
      screen.getByText(
        'No 2027 enrollment yet: a new 2027 enrollment is not affected by the 2026 agent of record.',
      ),
    ).toBeTruthy();
  });
});
