import type { NpnReadiness } from '../lib/npn/readiness';
import { t, tCode } from './i18n';

/** One look: the NPN's standing for the plan year. */
export function NpnBadge({ readiness, planYear }: { readiness: NpnReadiness | undefined; planYear: number }) {
  if (!readiness) return null;
  const status = !readiness.format.valid ? 'invalid' : (readiness.registration?.status ?? 'no-list');
  const text =
    status === 'registered'
      ? t('registry.badge.registered', [String(planYear)])
      : tCode('registry.badge', status);
  return <span class={`npn-badge npn-badge-${readiness.ready ? 'ok' : 'bad'}`}>{text}</span>;
}
