import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CallReportForm } from '../../../components/call-reports/CallReportForm';
import type { CallReport } from '../../../lib/call-reports/report';
import type { InvalidActionCase } from '../../../lib/cases/case';

const NOW = new Date('2026-11-20T15:00:00');

function setup(onSave = vi.fn(async (_r: CallReport) => undefined)) {
  render(
    <CallReportForm
      planYear={2026}
      reporterName="Sam Agent"
      reporterNpn="12345678"
      onSave={onSave}
      now={() => NOW}
    />,
  );
  return onSave;
}
const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const choose = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fillValid() {
  type('Application ID', '4567891230');
  choose("Consumer's state", 'TX');
  type('Phone number of the person who placed the call', '(202) 555-0143');
  choose('Issue type', 'misinformation');
  type('Summary of the issue', 'Representative said the consumer has to re-apply.');
}
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save report' }));

describe('CallReportForm', () => {
  it('defaults the date and time of the call to now', () => {
    setup();
    expect(screen.getByLabelText('Date and time of call')).toHaveProperty('value', '2026-11-20T15:00');
  });

  it('saves a valid report with the reporter and tells the agent', async () => {
    const onSave = setup();
    fillValid();
    save();
    await screen.findByText('Report saved for application 4567891230.');
    expect(onSave).toHaveBeenCalledOnce();
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({
      applicationId: '4567891230',
      state: 'TX',
      phone: '+12025550143',
      issueType: 'misinformation',
      reporterName: 'Sam Agent',
      reporterNpn: '12345678',
      calledAt: NOW.toISOString(),
    });
    // The form is ready for the next report.
    expect(screen.getByLabelText('Application ID')).toHaveProperty('value', '');
  });

  it("says when the report moved the application's Invalid Action case on", async () => {
    const moved: InvalidActionCase = {
      id: crypto.randomUUID(),
      applicationId: '4567891230',
      planYear: 2026,
      site: 'healthsherpa',
      errorSeenAt: NOW.toISOString(),
      lastSeenAt: NOW.toISOString(),
      status: 'three-way-call-detected',
      updatedAt: NOW.toISOString(),
    };
    render(<CallReportForm planYear={2026} onSave={async () => [moved]} now={() => NOW} />);
    fillValid();
    save();
    await screen.findByText(
      'Report saved for application 4567891230. Its Invalid Action case is now 3-way call detected.',
    );
  });

  it.each([
    ['Application ID', '12ab', 'An application ID is digits only.'],
    ['Application ID', '123', 'An application ID has 5 to 20 digits.'],
    [
      'Phone number of the person who placed the call',
      'call me',
      'Enter a valid US phone number with its area code, e.g. (202) 555-0143.',
    ],
    ['Summary of the issue', 'short', 'Describe what happened in at least 10 characters.'],
    ['Date and time of call', '2027-01-01T00:00', 'The call cannot be in the future.'],
  ])('an invalid %s is explained next to the field and nothing is saved', async (label, value, message) => {
    const onSave = setup();
    fillValid();
    type(label, value);
    save();
    const field = screen.getByLabelText(label);
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(message).id).toBe(field.getAttribute('aria-describedby'));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Not saved. Correct the fields marked below.');
  });

  it('an empty form marks every required field and saves nothing', async () => {
    const onSave = setup();
    type('Date and time of call', '');
    save();
    await waitFor(() => expect(screen.getAllByText('This field is required.')).toHaveLength(6));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('flags a state that is not on HealthCare.gov for the plan year', () => {
    setup();
    choose("Consumer's state", 'CA');
    expect(screen.getByText(/California runs its own Marketplace for plan year 2026/)).toBeTruthy();
  });

  it('shows a storage failure and keeps what the agent typed', async () => {
    setup(vi.fn(async () => Promise.reject(new Error('QuotaExceededError'))));
    fillValid();
    save();
    await screen.findByText('The report could not be saved: QuotaExceededError');
    expect(screen.getByLabelText('Application ID')).toHaveProperty('value', '4567891230');
  });

  it('shows consumer data in the summary where it is, and saves only once each is removed', async () => {
    const onSave = setup();
    fillValid();
    type(
      'Summary of the issue',
      'Rep asked for SSN 123-45-6789 and called the client back on (713) 555-0199 instead of me.',
    );
    save();
    await screen.findByText(/Not saved yet: the summary holds what looks like consumer data/);
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('2 things in the summary look like consumer data.')).toBeTruthy();
    // The caller's own number (the phone field) is not flagged; the other one is.
    fireEvent.click(screen.getByRole('button', { name: 'Remove SSN: 123-45-6789' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove phone number: (713) 555-0199' }));
    expect(screen.getByLabelText('Summary of the issue')).toHaveProperty(
      'value',
      'Rep asked for SSN [SSN removed] and called the client back on [phone removed] instead of me.',
    );
    expect(screen.queryByText(/look like consumer data/)).toBeNull();
    save();
    await screen.findByText('Report saved for application 4567891230.');
    expect(onSave.mock.calls[0]?.[0].summary).toBe(
      'Rep asked for SSN [SSN removed] and called the client back on [phone removed] instead of me.',
    );
  });

  it('keeps the summary as it is when the agent says so: nothing is removed behind their back', async () => {
    const onSave = setup();
    fillValid();
    type('Summary of the issue', 'The rep kept asking whether the consumer is pregnant.');
    save();
    await screen.findByText('1 thing in the summary looks like consumer data.');
    fireEvent.click(screen.getByRole('button', { name: 'Save as it is' }));
    await screen.findByText('Report saved for application 4567891230.');
    expect(onSave.mock.calls[0]?.[0].summary).toBe('The rep kept asking whether the consumer is pregnant.');
  });

  it('records what the consumer authorised on the call, and refuses an authorisation past a year', async () => {
    const onSave = setup();
    fillValid();
    fireEvent.click(screen.getByRole('radio', { name: 'Me as their agent, until a day' }));
    type('Authorised until', '2028-01-15');
    save();
    await screen.findByText(/A consumer authorises an agent for up to a year/);
    expect(onSave).not.toHaveBeenCalled();
    type('Authorised until', '2027-11-19');
    save();
    await screen.findByText('Report saved for application 4567891230.');
    expect(onSave.mock.calls[0]?.[0].authorisation).toEqual({ scope: 'extended', until: '2027-11-19' });
  });

  it('records "this call only"', async () => {
    const onSave = setup();
    fillValid();
    fireEvent.click(screen.getByRole('radio', { name: 'This call only' }));
    save();
    await screen.findByText('Report saved for application 4567891230.');
    expect(onSave.mock.calls[0]?.[0].authorisation).toEqual({ scope: 'this-call' });
  });
});
