import { describe, expect, it } from 'vitest';
import {
  type CallReport,
  type CallReportFormValues,
  callReportSchema,
  formatCallReportEmail,
  parseCallReportForm,
} from '../../../lib/call-reports/report';

const NOW = new Date('2026-11-20T15:00:00Z');
const ID = '5b0d6f1e-6a43-4f6c-9b7e-2f1c3d4e5a6b';
const valid: CallReportFormValues = {
  calledAt: '2026-11-20T09:30',
  applicationId: '4567891230',
  state: 'TX',
  phone: '(202) 555-0143',
  summary: 'Representative said the consumer must re-apply instead of updating the NPN.',
  issueType: 'misinformation',
};
const report: CallReport = {
  id: ID,
  calledAt: '2026-11-20T15:30:00.000Z',
  applicationId: '4567891230',
  state: 'TX',
  phone: '+12025550143',
  summary: 'Line one.\nLine two & more = 100%',
  issueType: 'request-not-processed',
  status: 'ready',
  reporterName: 'Sam Agent',
  reporterNpn: '12345678',
  createdAt: '2026-11-20T15:40:00.000Z',
  updatedAt: '2026-11-20T15:40:00.000Z',
};

describe('parseCallReportForm', () => {
  it('turns valid form values into a stored report: UTC time, E.164 phone, digits-only ID', () => {
    const parsed = parseCallReportForm({ ...valid, applicationId: '456 789-1230' }, { now: NOW, id: ID });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.report).toMatchObject({
      id: ID,
      applicationId: '4567891230',
      phone: '+12025550143',
      status: 'ready',
    });
    expect(parsed.report.calledAt).toBe(new Date('2026-11-20T09:30').toISOString());
    expect(callReportSchema.safeParse(parsed.report).success).toBe(true);
  });

  it.each([
    ['calledAt', '', 'required'],
    ['calledAt', 'yesterday', 'invalidDate'],
    ['calledAt', '2027-01-01T10:00', 'futureDate'],
    ['applicationId', '', 'required'],
    ['applicationId', '12ab56', 'notDigits'],
    ['applicationId', '1234', 'wrongLength'],
    ['applicationId', '1'.repeat(21), 'wrongLength'],
    ['state', '', 'required'],
    ['state', 'XX', 'required'],
    ['state', 'tx', 'required'],
    ['phone', '', 'required'],
    ['phone', '555-CALL-NOW', 'invalidPhone'],
    ['phone', '(555) 123-4567', 'invalidPhone'],
    ['phone', '+44 20 7946 0958', 'invalidPhone'],
    ['phone', '12', 'invalidPhone'],
    ['summary', '   ', 'required'],
    ['summary', 'too short', 'tooShort'],
    ['summary', 'x'.repeat(5001), 'tooLong'],
    ['issueType', '', 'required'],
    ['issueType', 'fraud', 'required'],
  ] as const)('%s = %j → %s', (field, value, code) => {
    const parsed = parseCallReportForm({ ...valid, [field]: value }, { now: NOW, id: ID });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({ [field]: code });
  });

  it('reports every bad field at once', () => {
    const parsed = parseCallReportForm(
      { calledAt: '', applicationId: 'x', state: '', phone: '', summary: '', issueType: '' },
      { now: NOW, id: ID },
    );
    expect(parsed.ok ? [] : Object.keys(parsed.errors).sort()).toEqual(
      ['applicationId', 'calledAt', 'issueType', 'phone', 'state', 'summary'].sort(),
    );
  });
});

describe('callReportSchema', () => {
  it('accepts a sound report', () => {
    expect(callReportSchema.safeParse(report).success).toBe(true);
  });
  it.each([
    ['id', 'not-a-uuid'],
    ['calledAt', '2026-11-20 15:30'],
    ['applicationId', '12ab'],
    ['state', 'ZZ'],
    ['phone', '2025550143'],
    ['summary', ''],
    ['issueType', 'fraud'],
    ['status', 'lost'],
    ['reporterNpn', '123-45-6789'],
    ['createdAt', 'yesterday'],
  ])('refuses a bad %s', (field, value) => {
    expect(callReportSchema.safeParse({ ...report, [field]: value }).success).toBe(false);
  });
});

describe('formatCallReportEmail', () => {
  const email = formatCallReportEmail(report, 'FFMProducer-AssisterHelpDesk@cms.hhs.gov', {
    timeZone: 'America/Chicago',
  });

  it('names the application and state in the subject', () => {
    expect(email.subject).toBe('3-way call report: application 4567891230 (TX)');
  });

  it('carries every field CMS asks for, in words a help desk reads', () => {
    expect(email.body).toContain(
      'Date and time of call: Fri, Nov 20, 2026, 9:30 AM CST (2026-11-20T15:30:00.000Z)',
    );
    expect(email.body).toContain('Application ID: 4567891230');
    expect(email.body).toContain("Consumer's state: TX (Texas)");
    expect(email.body).toContain('Phone number of the person who placed the call: (202) 555-0143');
    expect(email.body).toContain('Issue type: Request not processed as expected');
    expect(email.body).toContain('Summary of the issue:\r\nLine one.\nLine two & more = 100%');
    expect(email.body).toContain('Reported by: Sam Agent (NPN 12345678)');
  });

  it('is a mailto: link whose subject and body decode back exactly', () => {
    expect(email.mailto.startsWith('mailto:FFMProducer-AssisterHelpDesk@cms.hhs.gov?subject=')).toBe(true);
    const query = new URLSearchParams(email.mailto.split('?')[1]?.replaceAll('+', '%2B'));
    expect(query.get('subject')).toBe(email.subject);
    expect(query.get('body')).toBe(email.body);
    expect(email.mailto).not.toMatch(/[ \n]/);
    expect(email.mailto).toContain('%0D%0A');
  });
});

describe("the consumer's authorisation on the call", () => {
  it('is optional: reports saved before it was asked still parse', () => {
    expect(callReportSchema.safeParse(report).success).toBe(true);
  });

  it('travels in the report and in the English email', () => {
    const extended = { ...report, authorisation: { scope: 'extended' as const, until: '2027-11-19' } };
    expect(callReportSchema.parse(extended).authorisation).toEqual(extended.authorisation);
    expect(formatCallReportEmail(extended, 'x@example.com').body).toContain(
      "Consumer's authorisation on the call: the agent, until 2027-11-19",
    );
    const once = { ...report, authorisation: { scope: 'this-call' as const } };
    expect(formatCallReportEmail(once, 'x@example.com').body).toContain(
      "Consumer's authorisation on the call: this call only",
    );
  });

  it.each([
    ['', 'required'],
    ['2026-11-19', 'untilBeforeCall'],
    ['2027-11-22', 'untilTooFar'],
  ])('an extended authorisation until %j is refused (%s)', (until, code) => {
    const parsed = parseCallReportForm(
      { ...valid, authorisation: 'extended', authorisedUntil: until },
      { now: NOW, id: ID },
    );
    expect(parsed).toEqual({ ok: false, errors: { authorisedUntil: code } });
  });

  it('refuses a scope it does not know', () => {
    expect(callReportSchema.safeParse({ ...report, authorisation: { scope: 'forever' } }).success).toBe(
      false,
    );
  });
});
