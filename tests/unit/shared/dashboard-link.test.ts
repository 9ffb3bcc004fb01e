import { describe, expect, it } from 'vitest';
import { dashboardHash, parseDashboardHash } from '../../../lib/shared/dashboard-link';

describe('dashboard deep links', () => {
  it('carries a Resume Link prefill there and back', () => {
    const hash = dashboardHash('resume-link', {
      applicationId: '4567891230',
      consumerName: 'María López & Co',
      resumeLink: 'https://www.healthsherpa.com/resume/abc123?x=1&y=2',
      planYear: 2026,
      eap: true,
    });
    expect(parseDashboardHash(hash)).toEqual({
      section: 'resume-link',
      prefill: {
        applicationId: '4567891230',
        state: undefined,
        consumerName: 'María López & Co',
        resumeLink: 'https://www.healthsherpa.com/resume/abc123?x=1&y=2',
        planYear: 2026,
        eap: true,
      },
    });
  });

  it('drops what does not pass: lookalike links, bad years, control characters', () => {
    const { prefill } = parseDashboardHash(
      `#resume-link?resumeLink=${encodeURIComponent('https://healthsherpa.com@evil.example/')}&planYear=99&consumerName=${encodeURIComponent('A\u202eB\u0000')}`,
    );
    expect(prefill.resumeLink).toBeUndefined();
    expect(prefill.planYear).toBeUndefined();
    expect(prefill.consumerName).toBe('A B');
  });
});
