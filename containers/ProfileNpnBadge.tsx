import { NpnBadge } from '../components/npn/NpnBadge';
import { useNpnStanding } from '../hooks/use-npn-readiness';
import { badgePlanYear } from '../lib/shared/plan-year';

/** The profile's NPN and its standing for the plan year agents work for, wherever the NPN appears. */
export function ProfileNpnBadge({ npn, planYear }: { npn: string; planYear: number }) {
  const year = badgePlanYear(planYear, new Date());
  const standing = useNpnStanding(npn, year);
  return <NpnBadge readiness={standing?.readiness} planYear={year} />;
}
