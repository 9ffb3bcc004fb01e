import type { ReferralReply } from '../../lib/messages';
import type { ReferralFigures } from '../../lib/referrals/figures';
import type { OutcomeInput, Referral } from '../../lib/referrals/referral';
import { timeToAnswer } from '../../lib/referrals/timer';
import { formatDateTime, formatNumber, languageName, stateName, t, tCode } from '../../words/i18n';
import { ReferralOutcomeForm } from './ReferralOutcomeForm';

export interface ReferralHistoryProps {
  referrals: Referral[];
  figures: ReferralFigures;
  /** Stored rows that no longer parse. */
  unreadable: number;
  onRecord(id: string, input: OutcomeInput): Promise<ReferralReply>;
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return t('referrals.minutesSeconds', [String(Math.floor(seconds / 60)), String(seconds % 60)]);
}

/** The dashboard's figures and history; a referral the timer recorded Missed can be corrected here. */
export function ReferralHistory({ referrals, figures, unreadable, onRecord }: ReferralHistoryProps) {
  const figure = (label: string, value: string) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <>
      <h3>{t('referrals.figures')}</h3>
      <dl class="figures">
        {figure(t('referrals.total'), formatNumber(figures.total))}
        {figure(t('referrals.lastSevenDays'), formatNumber(figures.lastSevenDays))}
        {figure(t('referrals.perWeek'), formatNumber(figures.perWeek))}
        {figure(t('referrals.acceptedCount'), formatNumber(figures.accepted))}
        {figure(t('referrals.rejectedCount'), formatNumber(figures.rejected))}
        {figure(t('referrals.missedCount'), formatNumber(figures.missed))}
        {figure(
          t('referrals.medianAnswer'),
          figures.medianAnswerMs === null ? t('referrals.noAnswers') : duration(figures.medianAnswerMs),
        )}
      </dl>
      <h3>{t('referrals.history')}</h3>
      {unreadable > 0 && <p class="warning">{t('referrals.unreadable', [String(unreadable)])}</p>}
      {referrals.length === 0 ? (
        <p class="hint">{t('referrals.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('referrals.startedAt')}</th>
                <th scope="col">{t('referrals.outcome')}</th>
                <th scope="col">{t('referrals.stateColumn')}</th>
                <th scope="col">{t('referrals.languageColumn')}</th>
                <th scope="col">{t('referrals.answeredIn')}</th>
                <th scope="col">{t('referrals.startedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((r) => {
                const answered = timeToAnswer(r);
                return (
                  <tr key={r.id}>
                    <th scope="row">{formatDateTime(r.startedAt)}</th>
                    <td>
                      {r.outcome ? tCode('referrals', r.outcome) : t('referrals.running')}
                      {r.autoMissed && (
                        <details>
                          <summary>{t('referrals.correct')}</summary>
                          <ReferralOutcomeForm
                            idPrefix={`referral-${r.id}`}
                            onRecord={(input) => onRecord(r.id, input)}
                          />
                        </details>
                      )}
                    </td>
                    <td>{r.state ? stateName(r.state) : '—'}</td>
                    <td>{r.language ? languageName(r.language) : '—'}</td>
                    <td>{answered === undefined ? '—' : duration(answered)}</td>
                    <td>{tCode('referrals.by', r.source)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
