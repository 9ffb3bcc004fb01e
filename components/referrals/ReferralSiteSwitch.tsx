import { t } from '../../words/i18n';

export interface ReferralSiteSwitchProps {
  /** The agency's Help On Demand address (policy helpOnDemandUrl). */
  address: string;
  on: boolean;
  /** The browser declined the permission the last time the agent asked. */
  declined: boolean;
  onTurnOn(): void;
  onTurnOff(): void;
}

/** Whether a referral page opening on the agency's Help On Demand site starts the timer. */
export function ReferralSiteSwitch({ address, on, declined, onTurnOn, onTurnOff }: ReferralSiteSwitchProps) {
  return (
    <>
      <h3>{t('referrals.siteHeading')}</h3>
      <p class="hint">{t('referrals.siteIntro', [address])}</p>
      {on && <p role="status">{t('referrals.siteIsOn', [address])}</p>}
      {declined && <p role="alert">{t('referrals.siteDeclined')}</p>}
      <button type="button" onClick={on ? onTurnOff : onTurnOn}>
        {on ? t('referrals.siteOff') : t('referrals.siteOn')}
      </button>
    </>
  );
}
