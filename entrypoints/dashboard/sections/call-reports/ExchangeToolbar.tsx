import { browser } from 'wxt/browser';
import { AgencyOutbox } from '../../../../components/call-reports/AgencyOutbox';
import { SupportToolbar } from '../../../../components/call-reports/SupportToolbar';
import {
  discardSend,
  queueSend,
  retrySends,
  scheduleRetry,
} from '../../../../lib/call-reports/agency-outbox.background';
import { checkEndpoint, postBundle } from '../../../../lib/call-reports/agency-send';
import { makeBundle, parseBundle } from '../../../../lib/call-reports/bundle';
import { callReportCsvParts, callReportsJson } from '../../../../lib/call-reports/csv';
import { allMatching, getReports, importReports, rowsForCsv } from '../../../../lib/call-reports/store';
import { sendReportsToHub } from '../../../../lib/hub/hub.background';
import { sendingTo } from '../../../../lib/shared/data-consent.browser';
import { csvWords } from '../../../../words/call-report-words';
import { downloadText, stamp } from '../../../../words/download';
import { t, tError, tProblem } from '../../../../words/i18n';
import type { CallReportsState } from './use-call-reports';

/** Reports in and out: exports, an import from another agent, the send to the agency and its outbox. */
export function ExchangeToolbar({ state: s }: { state: CallReportsState }) {
  const chosen = () => getReports([...s.selected]);
  const forExport = async () => (s.selected.size ? chosen() : allMatching(s.query));

  /** To the agency's hub with this browser's device token. */
  async function sendToHub() {
    const reports = await forExport();
    const c = await sendReportsToHub(reports, s.me).catch((err) => {
      throw new Error(tError(err));
    });
    const sent = t('hub.sent', [
      String(reports.length - c.setAside),
      String(c.added),
      String(c.updated),
      String(c.unchanged),
    ]);
    return [
      sent,
      c.setAside ? t('hub.refusedSome', [String(c.setAside)]) : '',
      c.heldElsewhere ? t('hub.heldElsewhereSome', [String(c.heldElsewhere)]) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  /** To the agency's reports address; a failed send waits in the outbox for a retry. */
  async function sendToEndpoint() {
    const checked = checkEndpoint(s.endpoint);
    if (!checked.ok) throw new Error(tProblem(checked.problem));
    // Only this origin (and, in Firefox, sending it the reports), asked for when the person sends
    // (a user gesture), never all sites.
    const granted = await browser.permissions.request(sendingTo([`${checked.origin}/*`]));
    if (!granted) throw new Error(t('support.permissionRefused', [checked.origin]));
    const reports = await forExport();
    const body = JSON.stringify(makeBundle(reports, new Date(), s.me));
    const sent = await postBundle(checked.url.href, body);
    if (!sent.ok) {
      const failed = { attempts: sent.attempts, error: sent.error };
      await queueSend({ endpoint: checked.url.href, body, reports: reports.length, ...failed }, new Date());
      await scheduleRetry();
      throw new Error(t('support.sendFailed', [String(sent.attempts), sent.error]));
    }
    return t('support.sent', [String(reports.length)]);
  }

  return (
    <>
      <SupportToolbar
        selectedCount={s.selected.size}
        endpoint={s.hub?.hubUrl ?? s.endpoint}
        onExportBundle={async () => {
          const reports = await forExport();
          const bundle = makeBundle(reports, new Date(), s.me);
          downloadText(JSON.stringify(bundle), `call-reports-${stamp(new Date())}.json`, 'application/json');
          return t('support.exported', [String(reports.length)]);
        }}
        onExportCsv={async () => {
          const reports = s.selected.size ? await chosen() : await rowsForCsv(s.query);
          downloadText(
            callReportCsvParts(reports, csvWords()),
            `${t('support.emailFileName')}-${stamp(new Date())}.csv`,
            'text/csv',
          );
          return t('support.exported', [String(reports.length)]);
        }}
        onExportJson={async () => {
          const reports = await forExport();
          downloadText(
            callReportsJson(reports, new Date()),
            `call-reports-${stamp(new Date())}.tools.json`,
            'application/json',
          );
          return t('support.exported', [String(reports.length)]);
        }}
        onImport={async (f) => {
          const parsed = parseBundle(await f.text());
          if (!parsed.ok) throw new Error(tProblem(parsed.problem));
          const c = await importReports(parsed.bundle.reports);
          return t('support.imported', [
            String(c.added),
            String(c.updated),
            String(c.unchanged),
            String(c.conflict),
          ]);
        }}
        onSend={() => (s.hub ? sendToHub() : sendToEndpoint())}
      />
      <AgencyOutbox
        sends={s.outbox?.sends ?? []}
        onRetry={async (id) => {
          const sent = await retrySends(new Date(), { ids: [id] });
          await scheduleRetry();
          return sent > 0;
        }}
        onDiscard={async (id) => {
          await discardSend(id);
          await scheduleRetry();
        }}
      />
    </>
  );
}
