import { CallReportDetail } from '../../../../components/call-reports/CallReportDetail';
import { FilingActions } from '../../../../components/call-reports/CallReportFiling';
import type { CallReport } from '../../../../lib/call-reports/report';
import { correctReport, mergeDuplicateReports, updateReports } from '../../../../lib/call-reports/store';
import { moveTo, resolveConflict, StaleReportError } from '../../../../lib/call-reports/workflow';
import { t } from '../../../../words/i18n';
import { Awaiting } from './Awaiting';
import { filingFor } from './filing';
import type { CallReportsState } from './use-call-reports';

/** The open report beside the table: its details, steps to the next and previous rows, and its actions. */
export function ReportSidePanel(props: { state: CallReportsState; open: CallReport; onClose(): void }) {
  const { state: s, open } = props;
  const filing = filingFor(s);
  const pageIds = s.rows.map((r) => r.id);
  const openIndex = s.openId ? pageIds.indexOf(s.openId) : -1;
  const duplicates = s.duplicates?.get(open.id);
  return (
    <CallReportDetail
      key={open.id}
      report={open}
      hasPrevious={openIndex > 0}
      hasNext={openIndex >= 0 && openIndex < pageIds.length - 1}
      onStep={(dir) => s.setOpenId(pageIds[openIndex + dir])}
      onClose={props.onClose}
      duplicates={duplicates}
      onMergeDuplicates={
        duplicates &&
        (async () => {
          await mergeDuplicateReports(
            open.id,
            duplicates.map((d) => d.id),
            s.actor(),
          );
        })
      }
      filing={
        <>
          <Awaiting state={s} ids={[open.id]} />
          <FilingActions
            count={1}
            to={filing.addresses}
            fitsLink={filing.fitsLink([open])}
            consumerData={filing.consumerDataIn([open])}
            onFile={(target, via) => filing.handOut([open], target, via)}
          />
        </>
      }
      onStatus={async (status) => {
        await updateReports([open.id], (r) => moveTo(r, status, s.actor()));
      }}
      onCorrect={async (summary, openedSummary) => {
        try {
          await correctReport(open.id, openedSummary, { summary }, s.actor());
        } catch (err) {
          throw err instanceof StaleReportError ? new Error(t('support.changedElsewhere')) : err;
        }
      }}
      onResolve={async (keep) => {
        await updateReports([open.id], (r) => resolveConflict(r, keep, s.actor()));
      }}
    />
  );
}
