// The dashboard's "Call reports" section: the support staff's table first (the agent's form behind a
// button), a report's details beside it, filing that waits for the person to say the email went out,
// exchange with other agents and the agency, backup and retention. Its state is use-call-reports.ts;
// each part is a file here.
import { useState } from 'preact/hooks';
import { CallReportForm } from '../../../../components/call-reports/CallReportForm';
import { saveCallReport } from '../../../../lib/call-reports/store';
import type { DashboardPrefill } from '../../../../lib/dashboard/link';
import { t } from '../../../../words/i18n';
import { Awaiting } from './Awaiting';
import { ExchangeToolbar } from './ExchangeToolbar';
import { ReportList } from './ReportList';
import { ReportSettings } from './ReportSettings';
import { SelectionActions } from './SelectionActions';
import { useCallReports } from './use-call-reports';

export function CallReportsSection({ prefill }: { prefill: DashboardPrefill }) {
  const s = useCallReports();
  // Opened from a page's "Log call report" (an application ID in the link): the form is what they came for.
  const [formOpen, setFormOpen] = useState(Boolean(prefill.applicationId));
  if (!s) return null;
  const { query } = s;
  const filtered = query.status || query.state || query.issueType || query.text || query.from || query.to;

  return (
    <>
      <section class="stack" aria-labelledby="reports-heading">
        <div class="section-head">
          <h2 id="reports-heading">{t('reports.heading')}</h2>
          <button type="button" aria-expanded={formOpen} onClick={() => setFormOpen(!formOpen)}>
            {formOpen ? t('support.closeForm') : t('support.newReport')}
          </button>
        </div>
        {formOpen && (
          <CallReportForm
            planYear={s.profile.planYear}
            reporterName={s.profile.name || undefined}
            reporterNpn={s.profile.npn || undefined}
            initial={{ applicationId: prefill.applicationId ?? '', state: prefill.state ?? '' }}
            consumerName={prefill.consumerName}
            onSave={(report) => saveCallReport(report)}
          />
        )}
        {s.total === 0 && !filtered ? <p class="hint">{t('reports.empty')}</p> : null}
        {s.page?.unreadable ? (
          <p class="status status-error" role="alert">
            {t('reports.unreadable', [String(s.page.unreadable)])}
          </p>
        ) : null}
        <Awaiting state={s} />
        <SelectionActions state={s} />
        {s.pruned > 0 && (
          <p role="status" class="hint">
            {t('support.selectionPruned', [String(s.pruned)])}
          </p>
        )}
        <ReportList state={s} />
        <ExchangeToolbar state={s} />
      </section>
      <ReportSettings state={s} />
    </>
  );
}
