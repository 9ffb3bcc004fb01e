// The cases table's Resume Link columns: each case's sends, and `Resend` opening the send form.

import type { InvalidActionCase } from '../lib/cases/case';
import { listResumeLinkSends } from '../lib/resume-links/store';
import { dashboardHash } from '../lib/shared/dashboard-link';
import { useLiveQuery } from './use-live-query';

export function useCaseSends() {
  const sends = useLiveQuery(() => listResumeLinkSends());
  return {
    sends: sends?.sends ?? [],
    onResend(c: InvalidActionCase) {
      location.hash = dashboardHash('resume-link', {
        applicationId: c.applicationId,
        consumerName: c.consumerName,
        planYear: c.planYear,
      });
    },
  };
}
