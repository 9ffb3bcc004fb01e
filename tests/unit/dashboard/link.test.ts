import { describe, expect, it } from 'vitest';
import { dashboardHash, parseDashboardHash, parsePrefill } from '../../../lib/dashboard/link';

const KEY = '0c6f5a57-9f0e-4a4e-8f3b-6a1d2c3b4a59';

describe('dashboard deep links', () => {
  it('carry the section and a one-time key, nothing else', () => {
    expect(dashboardHash('resume-link', KEY)).toBe(`#resume-link?k=${KEY}`);
    expect(dashboardHash('cases')).toBe('#cases');
    expect(parseDashboardHash(`#resume-link?k=${KEY}`)).toEqual({ section: 'resume-link', prefillKey: KEY });
    expect(parseDashboardHash('#cases')).toEqual({ section: 'cases', prefillKey: undefined });
  });

  it('a link in the old form (values in the URL) or with a key not ours prefills nothing', () => {
    expect(parseDashboardHash('#resume-link?applicationId=4567891230&consumerName=Maria%20Lopez')).toEqual({
      section: 'resume-link',
      prefillKey: undefined,
    });
    expect(parseDashboardHash('#resume-link?k=../../profile').prefillKey).toBeUndefined();
  });
});

describe('parsePrefill', () => {
  it('keeps values that pass, the Resume Link as its parsed href', () => {
    expect(
      parsePrefill({
        applicationId: '4567891230',
        consumerName: 'María López & Co',
        resumeLink: 'https://WWW.healthsherpa.com/resume/abc123?x=1&y=2',
        planYear: 2026,
        state: 'TX',
        eap: true,
      }),
    ).toEqual({
      applicationId: '4567891230',
      state: 'TX',
      consumerName: 'María López & Co',
      resumeLink: 'https://www.healthsherpa.com/resume/abc123?x=1&y=2',
      planYear: 2026,
      eap: true,
    });
  });

  it('drops what does not pass: lookalike links, bad years, control characters, wrong types', () => {
    const prefill = parsePrefill({
      resumeLink: 'https://healthsherpa.com@evil.example/',
      planYear: 99,
      consumerName: 'A\u202eB\u0000',
      applicationId: 4567891230,
      state: 'tx',
      eap: 'yes',
    });
    expect(prefill).toEqual({
      applicationId: undefined,
      state: undefined,
      resumeLink: undefined,
      consumerName: 'A B',
      planYear: undefined,
      eap: undefined,
    });
    for (const raw of [undefined, null, 'x', 42, []])
      expect(Object.values(parsePrefill(raw)).filter(Boolean)).toEqual([]);
  });
});
