import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/** A Dexie query kept current: it re-runs when any tab or popup of the extension changes its tables.
 * `deps` names the inputs the query reads, as with useEffect. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T>();
  // Started as the component renders, not after the next paint: the read takes that frame back.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => setValue(undefined) });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
