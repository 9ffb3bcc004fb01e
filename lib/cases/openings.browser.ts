// The background's limits on new Invalid Action cases (lib/cases/openings.ts), kept in extension storage.
import { applicationsSeenItem, caseOpeningsItem, casesOpenedItem } from '../storage/settings';
import { noteApplicationSeen, takeCaseOpening } from './openings';

let queue: Promise<unknown> = Promise.resolve();

/** One at a time: verdict requests arrive together, and two reading a record before either writes would race. */
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const turn = queue.then(work);
  queue = turn.catch(() => {});
  return turn;
}

/** A consumer page (client, lead, application) showed this application: a case may open for it later. */
export function noteConsumerPage(applicationId: string, now: Date): Promise<void> {
  return inTurn(async () => {
    await applicationsSeenItem.setValue(
      noteApplicationSeen(await applicationsSeenItem.getValue(), applicationId, now.getTime()),
    );
  });
}

/** Whether the tab may open a new case for the application now (and, if so, counts it). */
export function mayOpenCase(tabId: number | undefined, applicationId: string, now: Date): Promise<boolean> {
  // Only a content script asks for a verdict, and it always runs in a tab.
  if (tabId === undefined) return Promise.resolve(false);
  return inTurn(async () => {
    const decision = takeCaseOpening(
      {
        tabs: await caseOpeningsItem.getValue(),
        seen: await applicationsSeenItem.getValue(),
        opened: await casesOpenedItem.getValue(),
      },
      tabId,
      applicationId,
      now.getTime(),
    );
    await caseOpeningsItem.setValue(decision.tabs);
    await casesOpenedItem.setValue(decision.opened);
    return decision.allowed;
  });
}
