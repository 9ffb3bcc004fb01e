import { ConsentRecords } from '../../../../components/consent/ConsentRecords';
import { useLiveQuery } from '../../../../hooks/use-live-query';
import {
  listConsentRecords,
  recordConsent,
  revokeConsent,
  updateConsent,
} from '../../../../lib/consent/store';
import type { DashboardSectionDefinition, SectionProps } from '../section';

/** Consent and application review records (lib/consent): the banner opens it with the application's ID. */
function ConsentSection({ prefill }: SectionProps) {
  const list = useLiveQuery(() => listConsentRecords());
  if (!list) return null;
  return (
    <ConsentRecords
      records={list.records}
      unreadable={list.unreadable}
      prefill={{ applicationId: prefill.applicationId, planYear: prefill.planYear }}
      onSave={(values, editing) =>
        editing ? updateConsent(editing, values, new Date()) : recordConsent(values, new Date())
      }
      onRevoke={(id, day) => revokeConsent(id, day, new Date())}
    />
  );
}

export const consentSection: DashboardSectionDefinition = {
  id: 'consent',
  labelKey: 'consent.section',
  component: ConsentSection,
};
