import { describe, expect, it } from 'vitest';
import { warmUpReader } from '../../../lib/sites/warm-up';

// The made-up page is read in an idle moment so each site's reader compiles before the real page is read
// (lib/sites/warm-up.ts): it only helps while every reader finds on it what it reads on a client page.
const CLIENT_PAGES = {
  healthsherpa: 'https://www.healthsherpa.com/agents/jdoe-agency/clients/c_1',
  benefitalign: 'https://agent.benefitalign.com/ba/client/10042/summary',
  'healthcare-gov': 'https://www.healthcare.gov/marketplace/auth/global/en_US/myProfile#application',
};

describe('the warm-up page', () => {
  for (const [site, url] of Object.entries(CLIENT_PAGES))
    it(`is read by the ${site} reader as a client page`, () => {
      // Labels in both languages, both policies' agents of record, the dates and the "no enrollment" sentence.
      expect(warmUpReader(new URL(url))).toMatchObject({
        applicationId: '1234567890',
        planYear: 2026,
        notEnrolledPlanYears: [2027],
        state: 'OH',
        hasActiveCoverage: true,
        policies: [{ aorNpn: '1234567' }, { aorNpn: '7654321' }],
      });
    });
});
