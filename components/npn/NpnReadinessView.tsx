import { type ListFreshness, type NpnReadiness, readinessTone } from '../../lib/npn/readiness';
import { formatDate, formatDateTime, formatNumber, t, tCode } from '../../words/i18n';

const day = (iso?: string) => (iso ? formatDate(`${iso.slice(0, 10)}T12:00:00`) : '');

function RegistrationLines({ readiness }: { readiness: NpnReadiness }) {
  const rows = readiness.registration?.rows ?? [];
  const lines = rows.flatMap((r) => [
    r.individualCompleted &&
      (r.individualEnd
        ? t('npnCheck.individualEnded', [day(r.individualCompleted), day(r.individualEnd)])
        : t('npnCheck.individual', [day(r.individualCompleted)])),
    r.shopCompleted &&
      (r.shopEnd
        ? t('npnCheck.shopEnded', [day(r.shopCompleted), day(r.shopEnd)])
        : t('npnCheck.shop', [day(r.shopCompleted)])),
  ]);
  return (
    <ul>
      {lines.filter(Boolean).map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function Freshness({ list, title }: { list: ListFreshness | null; title: string }) {
  if (!list) return <li>{`${title}: ${t('npnCheck.noList')}`}</li>;
  return (
    <li>
      {t('npnCheck.listLine', [title, formatNumber(list.rows), formatDateTime(list.importedAt)])}
      {list.stale && <div class="warning">{t('npnCheck.staleList', [title, String(list.ageDays)])}</div>}
    </li>
  );
}

/** Every check, in order, shown together: format, registration, termination, what to do, lists used. */
export function NpnReadinessView(props: {
  readiness: NpnReadiness;
  planYear: number;
  rcl: ListFreshness | null;
  terminationList: ListFreshness | null;
}) {
  const { readiness, planYear } = props;
  const termination = readiness.termination;
  const tone = readinessTone(readiness);
  return (
    <section class={`readiness readiness-${tone}`} aria-live="polite">
      <h3>
        {tone === 'ready'
          ? t('npnCheck.ready', [String(planYear)])
          : tone === 'unchecked'
            ? t('npnCheck.unchecked', [String(planYear)])
            : t('npnCheck.notReady', [String(planYear)])}
      </h3>
      <dl class="facts">
        <dt>{t('npnCheck.formatTitle')}</dt>
        <dd>
          {readiness.format.valid
            ? t('npnCheck.formatOk', [String(readiness.format.npn?.length ?? 0)])
            : tCode('npn', readiness.format.code)}
          {readiness.format.valid && readiness.format.npn?.length === 9 && (
            <div class="warning">{t('npn.nineDigits')}</div>
          )}
        </dd>
        {readiness.format.valid && (
          <>
            <dt>{t('npnCheck.registrationTitle')}</dt>
            <dd>
              {readiness.registration
                ? tCode('npnCheck.status', readiness.registration.status)
                : t('npnCheck.noList')}
              <RegistrationLines readiness={readiness} />
            </dd>
            <dt>{t('npnCheck.terminationTitle')}</dt>
            <dd>
              {!termination
                ? props.terminationList
                  ? t('npnCheck.noTermination')
                  : t('npnCheck.noList')
                : termination.reinstated
                  ? t('npnCheck.reinstated', [termination.record.status, String(termination.record.planYear)])
                  : t('npnCheck.terminated', [
                      termination.record.status,
                      termination.meaning ? tCode('npnCheck.meaning', termination.meaning) : '',
                      String(termination.record.planYear),
                    ])}
              {termination && !termination.reinstated && termination.record.terminatedOn && (
                <div>{t('npnCheck.terminatedOn', [day(termination.record.terminatedOn)])}</div>
              )}
            </dd>
          </>
        )}
      </dl>
      {readiness.remedies.length > 0 && (
        <>
          <h4>{t('npnCheck.remediesTitle')}</h4>
          <ol class="remedies">
            {readiness.remedies.map((r) => (
              <li key={r}>{tCode('npnCheck.remedy', r)}</li>
            ))}
          </ol>
        </>
      )}
      <p class="hint">{t('npnCheck.nameMustMatch')}</p>
      <h4>{t('npnCheck.freshnessTitle')}</h4>
      <ul class="freshness">
        <Freshness list={props.rcl} title={t('registry.rclTitle')} />
        <Freshness list={props.terminationList} title={t('registry.terminationTitle')} />
      </ul>
    </section>
  );
}
