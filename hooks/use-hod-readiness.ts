import { useEffect, useState } from 'preact/hooks';
import type { License } from '../lib/profile/marketplace';
import type { Profile } from '../lib/profile/profile';
import {
  type HelpOnDemandReadiness,
  helpOnDemandReadiness,
  helpOnDemandTicksSchema,
  NO_TICKS,
} from '../lib/profile/readiness';
import { badgePlanYear } from '../lib/shared/plan-year';
import { helpOnDemandItem } from '../lib/storage/settings';
import { readNpnStanding } from './use-npn-readiness';

/** Help On Demand readiness for the plan year agents work for, recomputed when what it reads changes. */
export function useHodReadiness(
  profile: Profile,
  licenses: readonly License[],
  refresh = 0,
): HelpOnDemandReadiness | undefined {
  const [readiness, setReadiness] = useState<HelpOnDemandReadiness>();
  const [ticksSeen, setTicksSeen] = useState(0);
  useEffect(() => helpOnDemandItem.watch(() => setTicksSeen((n) => n + 1)), []);
  const licensesKey = JSON.stringify(licenses);
  useEffect(() => {
    let current = true;
    const today = new Date();
    const planYear = badgePlanYear(profile.planYear, today);
    Promise.all([readNpnStanding(profile.npn, planYear, today), helpOnDemandItem.getValue()]).then(
      ([standing, stored]) => {
        const ticks = helpOnDemandTicksSchema.safeParse(stored);
        if (!current) return;
        setReadiness(
          helpOnDemandReadiness({
            planYear,
            today,
            npn: standing.readiness,
            rcl: standing.rcl,
            terminationList: standing.terminationList,
            licenses,
            ticks: ticks.success ? ticks.data : NO_TICKS,
          }),
        );
      },
    );
    return () => {
      current = false;
    };
  }, [profile.npn, profile.planYear, licensesKey, ticksSeen, refresh]);
  return readiness;
}
