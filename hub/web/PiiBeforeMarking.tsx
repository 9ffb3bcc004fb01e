// Marking a report filed when its summary looks like it holds consumer data (lib/call-reports/pii.ts):
// asked once, never refused, as the extension asks before it hands out a filing email.
import type { FilingStatus } from '#lib/hub/contract/staff';
import { h } from './messages';

/** The marks that say the report went to the help desk or the platform (resolved sends nothing). */
export const marksFiled = (s: FilingStatus) => s === 'filed-cms' || s === 'filed-platform';

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
