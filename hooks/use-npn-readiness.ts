import { useEffect, useState } from 'preact/hooks';
import { assessNpnReadiness, type ListFreshness, type NpnReadiness } from '../lib/npn/readiness';
import { listFreshness, lookupNpn } from '../lib/npn/store';

export interface NpnStanding {
  readiness: NpnReadiness;
  rcl: ListFreshness | null;
  terminationList: ListFreshness | null;
}

/** An NPN's standing against the lists on this computer. */
export async function readNpnStanding(
  npn: string,
  planYear: number,
  today = new Date(),
): Promise<NpnStanding> {
  const [lists, rcl, terminationList] = await Promise.all([
    lookupNpn(npn),
    listFreshness('rcl', today),
    listFreshness('termination', today),
  ]);
  return {
    readiness: assessNpnReadiness({ npn, planYear, today, lists, rcl, terminationList }),
    rcl,
    terminationList,
  };
}

/** Recomputed when the NPN, the plan year or `refresh` (bumped after an import) changes. */
export function useNpnStanding(npn: string, planYear: number, refresh = 0): NpnStanding | undefined {
  const [standing, setStanding] = useState<NpnStanding>();
  useEffect(() => {
    let current = true;
    if (npn.trim() === '') {
      setStanding(undefined);
      return;
    }
    readNpnStanding(npn, planYear).then((s) => {
      if (current) setStanding(s);
    });
    return () => {
      current = false;
    };
  }, [npn, planYear, refresh]);
  return standing;
}
