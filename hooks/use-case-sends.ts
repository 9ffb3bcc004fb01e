// The cases table's Resume Link columns: each case's sends, and `Resend` opening the send form.
import { useLiveQuery } from '../../components/use-live-query';
import { dashboardHash } from '../../lib/dashboard-link';
import { listResumeLinkSends } from '../../lib/db';
import type { InvalidActionCase } from '../../lib/invalid-action-case';

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
