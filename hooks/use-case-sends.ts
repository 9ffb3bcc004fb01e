// The cases table's Resume Link columns: each case's sends, and `Resend` opening the send form.

import type { InvalidActionCase } from '../lib/cases/case';
import { prefilledHash } from '../lib/dashboard/prefill.browser';
import { listResumeLinkSends } from '../lib/resume-links/store';
import { useLiveQuery } from './use-live-query';

export function useCaseSends() {
  const sends = useLiveQuery(() => listResumeLinkSends());
  return {
    sends: sends?.sends ?? [],
    async onResend(c: InvalidActionCase) {
      location.hash = await prefilledHash('resume-link', {
        applicationId: c.applicationId,
        consumerName: c.consumerName,
        planYear: c.planYear,
      });
    },
  };
}
