import { useEffect, useState } from 'preact/hooks';
import { AtRiskSection } from '../../../../components/at-risk/AtRiskSection';
import { useLiveQuery } from '../../../../hooks/use-live-query';
import { parseAtRiskCsv } from '../../../../lib/at-risk/list';
import { importAtRiskRows, listAtRiskClients } from '../../../../lib/at-risk/store';
import { atRiskLastVisitItem } from '../../../../lib/storage/settings';
import type { DashboardSectionDefinition } from '../section';

function AtRiskListSection() {
  const list = useLiveQuery(() => listAtRiskClients());
  // The visit before this one decides what counts as new; this visit is recorded for the next.
  const [previousVisit, setPreviousVisit] = useState<string | null>();
  useEffect(() => {
    atRiskLastVisitItem.getValue().then((last) => {
      setPreviousVisit(last);
      atRiskLastVisitItem.setValue(new Date().toISOString());
    });
  }, []);
  if (!list || previousVisit === undefined) return null;
  const newCount = previousVisit ? list.clients.filter((c) => c.firstSeenAt > previousVisit).length : 0;
  return (
    <AtRiskSection
      clients={list.clients}
      newSinceLastVisit={newCount}
      onImport={async (file) => {
        const parsed = await parseAtRiskCsv(file);
        const record = await importAtRiskRows(parsed.rows, {
          fileName: file.name,
          errors: parsed.errors.length,
          now: new Date(),
        });
        return { rows: record.rows, added: record.added, errors: parsed.errors };
      }}
    />
  );
}

export const atRiskSection: DashboardSectionDefinition = {
  id: 'at-risk',
  labelKey: 'dashboard.atRisk',
  component: AtRiskListSection,
};
