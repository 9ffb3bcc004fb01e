import { AwaitingConfirmation } from '../../../../components/call-reports/CallReportFiling';
import { confirmFiling, dropFiling } from '../../../../lib/call-reports/store';
import { t, tCode } from '../../../../words/i18n';
import type { CallReportsState } from './use-call-reports';

/** Filings awaiting the person's word that the email went out: all of them, or those holding `ids`. */
export function Awaiting({ state: s, ids }: { state: CallReportsState; ids?: string[] }) {
  return (
    <AwaitingConfirmation
      batches={
        ids ? s.awaitingList.filter((b) => ids.some((id) => b.reportIds.includes(id))) : s.awaitingList
      }
      onConfirm={async (id) => {
        const batch = s.awaitingList.find((b) => b.id === id);
        const moved = await confirmFiling(id, s.actor());
        // Filed reports leave the selection: the file buttons go quiet until the next choice.
        if (batch) s.setSelected((now) => new Set([...now].filter((r) => !batch.reportIds.includes(r))));
        return t('support.confirmedFiled', [String(moved), tCode('support.target', batch?.target ?? 'cms')]);
      }}
      onDrop={async (id) => {
        await dropFiling(id);
        return t('support.dropped');
      }}
    />
  );
}
