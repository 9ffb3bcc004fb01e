// Marking reports filed when their summaries look like they hold consumer data (lib/call-reports/pii.ts):
// asked once, never refused, as the extension asks before it hands out a filing email. The hub decides
// which reports those are (hub/src/staff/services/consumer-data.ts) and refuses a mark nobody confirmed.
import type { FlaggedReports } from '#lib/hub/contract/staff';
import { ApiError } from './api';
import { h } from './messages';

/** The reports a refused mark names, when the hub refused it for consumer data in their summaries. */
export const flaggedBy = (err: unknown): FlaggedReports | undefined =>
  err instanceof ApiError && err.code === 'reports.consumerData'
    ? { count: Number(err.detail.count), reports: (err.detail.reports as FlaggedReports['reports']) ?? [] }
    : undefined;

/** One report, from its panel. */
export function PiiBeforeMarking(props: { applicationIds: string[]; onMark(): void; onCancel(): void }) {
  return (
    <div class="warning stack" role="alert">
      <p>{h('piiBeforeMarking', props.applicationIds.join(', '))}</p>
      <div class="actions">
        <button type="button" onClick={props.onMark}>
          {h('markAsItIs')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {h('piiNotNow')}
        </button>
      </div>
    </div>
  );
}

/** A selection or a whole filter (`chosen` reports): how many are flagged and which, skip them or mark all. */
export function PiiBeforeBulkMark(props: {
  flagged: FlaggedReports;
  chosen: number;
  onSkip(): void;
  onMark(): void;
  onCancel(): void;
}) {
  const { count, reports } = props.flagged;
  const which = reports.map((r) => r.applicationId).join(', ') + (count > reports.length ? ', …' : '');
  return (
    <div class="warning stack" role="alert">
      <p>{h('piiBeforeBulk', count, props.chosen, which)}</p>
      <div class="actions">
        <button type="button" onClick={props.onSkip}>
          {h('piiSkipThose')}
        </button>
        <button type="button" onClick={props.onMark}>
          {h('piiMarkAllAsTheyAre')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {h('piiNotNow')}
        </button>
      </div>
    </div>
  );
}
