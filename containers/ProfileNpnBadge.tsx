import { NpnBadge } from '../components/NpnBadge';
import { useNpnStanding } from '../hooks/use-npn-readiness';

/** The profile's NPN and its standing for the plan year, wherever the NPN appears. */
export function ProfileNpnBadge({ npn, planYear }: { npn: string; planYear: number }) {
  const standing = useNpnStanding(npn, planYear);
  return <NpnBadge readiness={standing?.readiness} planYear={planYear} />;
}
