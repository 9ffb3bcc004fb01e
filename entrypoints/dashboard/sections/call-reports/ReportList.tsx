import { useRef } from 'preact/hooks';
import { CallReportTable } from '../../../../components/call-reports/CallReportTable';
import { ReportSidePanel } from './ReportSidePanel';
import type { CallReportsState } from './use-call-reports';

/** The reports table with its filters and pages, and the open report's side panel beside it. */
export function ReportList({ state: s }: { state: CallReportsState }) {
  const tableArea = useRef<HTMLDivElement>(null);
  const closePanel = () => {
    const id = s.openId;
    s.setOpenId(undefined);
    // Back to the report's row, which the table made its one tab stop.
    if (id)
      requestAnimationFrame(() =>
        tableArea.current?.querySelector<HTMLElement>(`tr[data-id="${id}"]`)?.focus(),
      );
  };
  return (
    <div class={s.open ? 'triage with-panel' : 'triage'} ref={tableArea}>
      <CallReportTable
        rows={s.rows}
        query={s.query}
        hasMore={s.page?.hasMore ?? false}
        total={s.total}
        loading={s.page?.query !== s.query}
        selected={s.selected}
        openId={s.openId}
        awaiting={new Set(s.awaitingList.flatMap((b) => b.reportIds))}
        duplicates={new Set(s.duplicates?.keys() ?? [])}
        consumerData={s.withConsumerData}
        onQuery={(q) => {
          s.setPruned(0);
          s.setQuery(q);
        }}
        onOpen={s.setOpenId}
        onSelect={(ids, on) => {
          const next = new Set(s.selected);
          for (const id of ids) on ? next.add(id) : next.delete(id);
          s.setPruned(0);
          s.setSelected(next);
        }}
      />
      {s.open && <ReportSidePanel state={s} open={s.open} onClose={closePanel} />}
    </div>
  );
}
