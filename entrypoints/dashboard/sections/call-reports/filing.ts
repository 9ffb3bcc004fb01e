// Filing from the call reports section: which address each target has, whether an email fits a mail
// link, and handing the email out one way, recorded as awaiting the person's confirmation.
import { englishCsvWords } from '../../../../hooks/english-words';
import { callReportsToCsv } from '../../../../lib/call-reports/csv';
import { writeEml } from '../../../../lib/call-reports/eml';
import {
  type FilingTarget,
  type FilingVia,
  formatFilingEmail,
  MAILTO_MAX,
} from '../../../../lib/call-reports/filing';
import { reportConsumerData } from '../../../../lib/call-reports/pii';
import type { CallReport } from '../../../../lib/call-reports/report';
import { startFiling } from '../../../../lib/call-reports/store';
import { downloadText, stamp } from '../../../../words/download';
import { t } from '../../../../words/i18n';
import type { CallReportsState } from './use-call-reports';

/** Each report's section is several hundred characters once encoded: past a few, no link can hold them. */
const LINK_REPORTS_MAX = 5;

export function filingFor(s: CallReportsState) {
  const addresses = { cms: s.helpDeskEmail, platform: s.platformEmail };
  const addressOf = (target: FilingTarget) => (target === 'cms' ? s.helpDeskEmail : (s.platformEmail ?? ''));

  /** Hands the email out one way, then records the batch as awaiting the person's confirmation. */
  async function handOut(reports: CallReport[], target: FilingTarget, via: FilingVia) {
    if (!reports.length) throw new Error(t('support.noneSelected'));
    const to = addressOf(target);
    const email = formatFilingEmail(reports, to);
    const now = new Date();
    if (via === 'mailto') {
      if (email.tooLong) throw new Error(t('support.tooLongForLink'));
      window.open(email.mailto, '_self');
    } else if (via === 'eml') {
      const name = `${t('support.emailFileName')}-${stamp(now)}`;
      // The email is in English for CMS and the platforms, and so is its spreadsheet.
      const csv = callReportsToCsv(reports, await englishCsvWords());
      const attachments = [{ fileName: `${name}.csv`, contentType: 'text/csv', text: csv }];
      const eml = writeEml({ to, subject: email.subject, text: email.body, attachments, date: now });
      downloadText(eml, `${name}.eml`, 'message/rfc822');
    } else {
      await navigator.clipboard.writeText(`${email.subject}\r\n\r\n${email.body}`);
    }
    await startFiling({
      id: crypto.randomUUID(),
      target,
      to,
      reportIds: reports.map((r) => r.id),
      via,
      startedAt: now.toISOString(),
      by: s.me,
    });
    const said = {
      mailto: 'support.handedMailto',
      eml: 'support.handedEml',
      copy: 'support.handedCopy',
    } as const;
    return t(said[via], [to]);
  }

  return {
    addresses,
    handOut,
    fitsLink: (reports: CallReport[]) => (target: FilingTarget) =>
      reports.length > 0 &&
      reports.length <= LINK_REPORTS_MAX &&
      formatFilingEmail(reports, addressOf(target)).mailto.length <= MAILTO_MAX,
    /** The application IDs of reports whose summary looks like it holds consumer data. */
    consumerDataIn: (reports: CallReport[]) =>
      reports.filter((r) => reportConsumerData(r).length).map((r) => r.applicationId),
  };
}
