// The background's limit on new Invalid Action cases per tab, kept in session storage.
import { caseOpeningsItem } from '../storage/settings';
import { takeCaseOpening } from './openings';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Whether the tab may open a new case now (and, if so, counts it). One at a time: verdict requests
 * arrive together, and two reading the record before either writes would both be allowed.
 */
export function mayOpenCase(tabId: number | undefined, now: Date): Promise<boolean> {
  // Only a content script asks for a verdict, and it always runs in a tab.
  if (tabId === undefined) return Promise.resolve(false);
  const turn = queue.then(async () => {
    const { allowed, openings } = takeCaseOpening(await caseOpeningsItem.getValue(), tabId, now.getTime());
    await caseOpeningsItem.setValue(openings);
    return allowed;
  });
  queue = turn.catch(() => {});
  return turn;
}
