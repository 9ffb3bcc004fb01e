import { useState } from 'preact/hooks';
import type { ReferralReply } from '../../lib/messages';
import type { OutcomeInput, Referral } from '../../lib/referrals/referral';
import { minutesLeft } from '../../lib/referrals/timer';
import { formatDate, t, tCode, tError, tProblem } from '../../words/i18n';
import { ReferralOutcomeForm } from './ReferralOutcomeForm';

export interface ReferralPanelProps {
  /** The running referral, or the newest if the timer recorded it Missed; undefined: none. */
  referral: Referral | undefined;
  now: Date;
  onStart(): Promise<ReferralReply>;
  onRecord(id: string, input: OutcomeInput): Promise<ReferralReply>;
}

/** The popup's Help On Demand part: start the 15 minutes, see what is left, record the answer. */
export function ReferralPanel({ referral, now, onStart, onRecord }: ReferralPanelProps) {
  const [starting, setStarting] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const [recorded, setRecorded] = useState<string>();

  const start = async () => {
    setStarting(true);
    setRefusal(undefined);
    setRecorded(undefined);
    try {
      const reply = await onStart();
      if (!reply.ok) setRefusal(tProblem(reply.problem));
    } catch (err) {
      setRefusal(tError(err));
    } finally {
      setStarting(false);
    }
  };

  const running = referral?.status === 'running';
  const left = referral ? minutesLeft(referral, now) : 0;
  // Idle, it is one button: the popup is first about the page the agent is on (the dashboard explains it).
  return (
    <section
      class={referral ? 'referral' : 'referral referral-idle'}
      aria-label={referral ? undefined : t('referrals.heading')}
      aria-labelledby={referral ? 'referral-heading' : undefined}
    >
      {referral && <h2 id="referral-heading">{t('referrals.heading')}</h2>}
      <button type="button" onClick={start} disabled={starting} title={t('referrals.intro')}>
        {starting ? t('referrals.starting') : t('referrals.start')}
      </button>
      {refusal && (
        <p role="alert" class="error">
          {refusal}
        </p>
      )}
      {referral && (
        <div class="referral-current">
          <p>
            {t('referrals.runningSince', [
              formatDate(referral.startedAt, { dateStyle: undefined, timeStyle: 'short' }),
            ])}
          </p>
          {running && left > 0 ? (
            <p class="referral-left" role="timer" aria-live="off">
              {t('referrals.minutesLeft', [String(left)])}
            </p>
          ) : running ? (
            <p class="referral-left">{t('referrals.timeUp')}</p>
          ) : (
            <p class="warning">{t('referrals.autoMissed')}</p>
          )}
          {/* Folded while the minutes run, so the page's verdict below stays in view; open once time is up. */}
          <details class="referral-record" open={!running || left === 0}>
            <summary>{t('referrals.recordAnswer')}</summary>
            <ReferralOutcomeForm
              key={referral.id}
              idPrefix="referral"
              onRecord={async (input) => {
                const reply = await onRecord(referral.id, input);
                if (reply.ok) setRecorded(t('referrals.recorded', [tCode('referrals', input.outcome)]));
                return reply;
              }}
            />
          </details>
        </div>
      )}
      {recorded && <p role="status">{recorded}</p>}
    </section>
  );
}
