import { type NpnReadiness, readinessTone } from '../../lib/npn/readiness';
import { tCode } from '../../words/i18n';

/** One look: the NPN's standing, naming the plan year it speaks of. */
export function NpnBadge({ readiness, planYear }: { readiness: NpnReadiness | undefined; planYear: number }) {
  if (!readiness) return null;
  const status = !readiness.format.valid ? 'invalid' : (readiness.registration?.status ?? 'no-list');
  return (
    <span class={`npn-badge npn-badge-${readinessTone(readiness)}`}>
      {tCode('registry.badge', status, [String(planYear)])}
    </span>
  );
}
