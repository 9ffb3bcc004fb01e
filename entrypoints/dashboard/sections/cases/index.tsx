import { CaseTable } from '../../../../components/cases/CaseTable';
import { useCaseSends } from '../../../../hooks/use-case-sends';
import { useLiveQuery } from '../../../../hooks/use-live-query';
import {
  deleteCasesFromHost,
  deleteInvalidActionCase,
  listInvalidActionCases,
  restoreInvalidActionCase,
  setCaseStatus,
} from '../../../../lib/cases/store';
import { prefilledHash } from '../../../../lib/dashboard/prefill.browser';
import type { DashboardSectionDefinition } from '../section';

function CasesSection() {
  const cases = useLiveQuery(() => listInvalidActionCases());
  const sends = useCaseSends();
  if (!cases) return null;
  return (
    <CaseTable
      cases={cases.cases}
      unreadable={cases.unreadable}
      {...sends}
      onStatusChange={(id, status) => setCaseStatus(id, status, new Date())}
      onDelete={(c) => deleteInvalidActionCase(c.id)}
      onUndoDelete={restoreInvalidActionCase}
      onDeleteFromHost={(host) => deleteCasesFromHost(host)}
      onLogCall={async (c) => {
        location.hash = await prefilledHash('call-reports', {
          applicationId: c.applicationId,
          state: c.state,
        });
      }}
    />
  );
}

export const casesSection: DashboardSectionDefinition = {
  id: 'cases',
  labelKey: 'dashboard.cases',
  component: CasesSection,
};
