import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ReferralPanel } from '../components/referrals/ReferralPanel';
import { useLiveQuery } from '../hooks/use-live-query';
import { useMarketplaceProfile } from '../hooks/use-marketplace-profile';
import type { Message, ReferralReply } from '../lib/messages';
import { currentReferral } from '../lib/referrals/store';

/** How often the minutes left are recomputed from the stored start time while the popup is open. */
const REFRESH_MS = 5_000;

function send(message: Message): Promise<ReferralReply> {
  // The background owns the timer (alarms, badge, notifications): starting and recording go through it.
  return browser.runtime.sendMessage(message) as Promise<ReferralReply>;
}

/** The referral timer wired to the database and the background. */
export function ReferralTimer() {
  const referral = useLiveQuery(() => currentReferral());
  const marketplace = useMarketplaceProfile();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  // An agent shown nowhere by Help On Demand gets no referrals: no button, unless one is already running.
  if (!referral && marketplace?.profile.helpDisplay === 'none') return null;
  return (
    <ReferralPanel
      referral={referral}
      now={now}
      onStart={() => send({ type: 'start-referral' })}
      onRecord={(id, input) => send({ type: 'record-referral-outcome', id, ...input })}
    />
  );
}
