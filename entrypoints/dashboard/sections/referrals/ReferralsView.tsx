import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ReferralHistory } from '../../../../components/referrals/ReferralHistory';
import { ReferralSiteSwitch } from '../../../../components/referrals/ReferralSiteSwitch';
import { useLiveQuery } from '../../../../hooks/use-live-query';
import { useStoredSetting } from '../../../../hooks/use-setting';
import type { Message, ReferralReply } from '../../../../lib/messages';
import { readPolicy } from '../../../../lib/policy/managed.background';
import { referralFigures } from '../../../../lib/referrals/figures';
import { turnOffReferralSite, turnOnReferralSite } from '../../../../lib/referrals/site.background';
import { listReferrals } from '../../../../lib/referrals/store';
import { referralSiteTimerItem } from '../../../../lib/storage/settings';
import { t } from '../../../../words/i18n';

const send = (message: Message) => browser.runtime.sendMessage(message) as Promise<ReferralReply>;

/** Figures and history of Help On Demand referrals, and the agency site's automatic start. */
export function ReferralsSection() {
  const list = useLiveQuery(() => listReferrals());
  const [address, setAddress] = useState<string>();
  const siteOn = useStoredSetting(referralSiteTimerItem);
  const [declined, setDeclined] = useState(false);
  useEffect(() => {
    readPolicy().then(({ policy }) => setAddress(policy.helpOnDemandUrl));
  }, []);
  return (
    <section class="stack" aria-labelledby="referrals-heading">
      <h2 id="referrals-heading">{t('referrals.heading')}</h2>
      <p class="hint">{t('referrals.intro')}</p>
      {list && (
        <ReferralHistory
          referrals={list.referrals}
          figures={referralFigures(list.referrals, new Date())}
          unreadable={list.unreadable}
          onRecord={(id, input) => send({ type: 'record-referral-outcome', id, ...input })}
        />
      )}
      {address && (
        <ReferralSiteSwitch
          address={address}
          on={siteOn === true}
          declined={declined}
          onTurnOn={() => turnOnReferralSite(address).then((granted) => setDeclined(!granted))}
          onTurnOff={() => turnOffReferralSite(address)}
        />
      )}
    </section>
  );
}
