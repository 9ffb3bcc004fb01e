import { ConflictResolution } from '../../../../components/call-reports/ConflictResolution';
import { exportEverything, restoreEverything } from '../../../../lib/backup/backup';
import { checkEndpoint } from '../../../../lib/call-reports/agency-send';
import { deleteReports, expiredReports } from '../../../../lib/call-reports/store';
import {
  platformSupportEmailItem,
  reportRetentionDaysItem,
  reportsEndpointItem,
} from '../../../../lib/storage/settings';
import { downloadText, stamp } from '../../../../words/download';
import { t, tProblem } from '../../../../words/i18n';
import type { CallReportsState } from './use-call-reports';

/** Where reports go, how long they are kept, backup and restore, and the reports retention deletes. */
export function ReportSettings({ state: s }: { state: CallReportsState }) {
  const { platformSetting, endpointSetting, retentionSetting } = s.settings;
  return (
    <ConflictResolution
      locked={{
        platformEmail: platformSetting?.locked,
        endpoint: endpointSetting?.locked,
        retentionDays: retentionSetting?.locked,
      }}
      platformEmail={s.platformEmail}
      endpoint={s.endpoint}
      retentionDays={s.retentionDays}
      retentionForecast={s.retentionForecast}
      onSaveSettings={async (next) => {
        if (next.endpoint) {
          const checked = checkEndpoint(next.endpoint);
          if (!checked.ok) throw new Error(tProblem(checked.problem));
        }
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(next.platformEmail)) throw new Error(t('support.badEmail'));
        await platformSupportEmailItem.setValue(next.platformEmail);
        await reportsEndpointItem.setValue(next.endpoint.trim());
        await reportRetentionDaysItem.setValue(Math.max(0, Math.min(3650, Math.floor(next.retentionDays))));
        return t('support.settingsSaved');
      }}
      onBackup={async () => {
        const backup = await exportEverything(new Date());
        downloadText(
          JSON.stringify(backup),
          `aor-guard-backup-${stamp(new Date())}.json`,
          'application/json',
        );
        return t('support.backedUp');
      }}
      onRestore={async (f) => {
        const result = await restoreEverything(await f.text());
        if (!result.ok) throw new Error(tProblem(result.problem));
        return t('support.restored', [String(result.rows)]);
      }}
      onPreviewRetention={() => expiredReports(s.retentionDays, new Date())}
      onDelete={async (ids) => {
        await deleteReports(ids);
        return t('support.deleted', [String(ids.length)]);
      }}
    />
  );
}
