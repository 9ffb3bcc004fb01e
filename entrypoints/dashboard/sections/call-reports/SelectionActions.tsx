import { FilingActions } from '../../../../components/call-reports/CallReportFiling';
import { SelectionBar } from '../../../../components/call-reports/SupportToolbar';
import { changeReports, getReports, undoChange } from '../../../../lib/call-reports/store';
import { moveTo } from '../../../../lib/call-reports/workflow';
import { t } from '../../../../words/i18n';
import { filingFor } from './filing';
import type { CallReportsState } from './use-call-reports';

/** What can be done to the selected reports: file them, move them on together, undo that. */
export function SelectionActions({ state: s }: { state: CallReportsState }) {
  const filing = filingFor(s);
  const { lastChange } = s;
  return (
    <SelectionBar
      selectedCount={s.selected.size}
      shownCount={s.rows.filter((r) => s.selected.has(r.id)).length}
      onClearSelection={() => s.setSelected(new Set())}
      filing={
        <FilingActions
          count={s.selected.size}
          to={filing.addresses}
          fitsLink={filing.fitsLink(s.selectedReports)}
          consumerData={filing.consumerDataIn(s.selectedReports)}
          onFile={async (target, via) => filing.handOut(await getReports([...s.selected]), target, via)}
        />
      }
      onBulkStatus={async (status) => {
        const change = await changeReports([...s.selected], (r) => moveTo(r, status, s.actor()));
        s.setLastChange(change.after.length ? change : undefined);
        return t('support.bulkDone', [String(change.after.length)]);
      }}
      onUndo={
        lastChange &&
        (async () => {
          const back = await undoChange(lastChange);
          s.setLastChange(undefined);
          return t('support.undone', [String(back)]);
        })
      }
    />
  );
}
