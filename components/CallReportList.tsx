import { useState } from 'preact/hooks';
import {
  type CallReport,
  FFM_HELP_DESK_EMAIL,
  formatCallReportEmail,
  formatCallTime,
} from '../lib/call-reports/report';
import { maskPhone } from '../lib/shared/phone';
import { t, tCode } from './i18n';

export interface CallReportListProps {
  reports: CallReport[];
  unreadable: number;
  helpDeskEmail?: string;
}

function ReportItem({ report, helpDeskEmail }: { report: CallReport; helpDeskEmail: string }) {
  const [copyStatus, setCopyStatus] = useState('');
  const email = formatCallReportEmail(report, helpDeskEmail);
  async function copy() {
    try {
      await navigator.clipboard.writeText(`${email.subject}\r\n\r\n${email.body}`);
      setCopyStatus(t('common.copied'));
    } catch {
      setCopyStatus(t('common.copyFailed'));
    }
  }
  return (
    <li class="card" aria-labelledby={`report-${report.id}`}>
      <h3 id={`report-${report.id}`}>
        {t('callReport.applicationId')} {report.applicationId}
      </h3>
      <dl class="facts">
        <dt>{t('reports.calledAt')}</dt>
        <dd>
          <time dateTime={report.calledAt}>{formatCallTime(report.calledAt)}</time>
        </dd>
        <dt>{t('reports.state')}</dt>
        <dd>{report.state}</dd>
        <dt>{t('reports.phone')}</dt>
        <dd>{maskPhone(report.phone)}</dd>
        <dt>{t('reports.issueType')}</dt>
        <dd>{tCode('callReport.issue', report.issueType)}</dd>
        <dt>{t('reports.summary')}</dt>
        <dd class="summary">{report.summary}</dd>
      </dl>
      <div class="actions">
        <a class="button" href={email.mailto}>
          {t('reports.emailHelpDesk')}
        </a>
        <button type="button" onClick={copy}>
          {t('reports.copy')}
        </button>
        <span role="status">{copyStatus}</span>
      </div>
    </li>
  );
}

export function CallReportList({
  reports,
  unreadable,
  helpDeskEmail = FFM_HELP_DESK_EMAIL,
}: CallReportListProps) {
  return (
    <section class="stack" aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t('reports.heading')}</h2>
      {unreadable > 0 && (
        <p class="status status-error" role="alert">
          {t('reports.unreadable', [String(unreadable)])}
        </p>
      )}
      {reports.length === 0 ? (
        <p class="hint">{t('reports.empty')}</p>
      ) : (
        <ul class="cards">
          {reports.map((r) => (
            <ReportItem key={r.id} report={r} helpDeskEmail={helpDeskEmail} />
          ))}
        </ul>
      )}
    </section>
  );
}
