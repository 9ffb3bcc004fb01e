import { useState } from 'preact/hooks';
import type { ListFreshness } from '../../lib/npn/readiness';
import { localDay } from '../../lib/profile/marketplace';
import {
  checkTicks,
  type HelpOnDemandReadiness,
  type HelpOnDemandTicks,
  type Requirement,
  readinessStanding,
} from '../../lib/profile/readiness';
import { formatDateTime, t, tCode, tError, tProblem } from '../../words/i18n';
import { Field } from '../shared/Field';
import { formatDay } from './MarketplaceProfileForm';

/** The one line the popup shows: what is met, what is missing, what is not known yet (never counted unmet). */
export function readinessSummary(r: HelpOnDemandReadiness): string {
  const { tone, met, missing, unknown } = readinessStanding(r);
  const year = String(r.planYear);
  if (tone === 'ready') return t('readiness.summaryReady', [year]);
  if (missing === 0 && unknown === 0) return t('readiness.summaryStale', [year]);
  const counts = [
    t('readiness.countMet', [String(met)]),
    missing > 0 && t('readiness.countMissing', [String(missing)]),
    unknown > 0 && t('readiness.countUnknown', [String(unknown)]),
  ].filter(Boolean);
  return t('readiness.summaryCounts', [year, counts.join(', ')]);
}

function detail(r: Requirement, readiness: HelpOnDemandReadiness): string | undefined {
  if (r.state !== 'met') return undefined;
  if (r.id === 'rcl' && r.on && readiness.rcl)
    return t('readiness.registeredOn', [formatDay(r.on), formatDateTime(readiness.rcl.importedAt)]);
  if (r.id === 'coursework' && r.on) return t('readiness.courseworkOn', [formatDay(r.on)]);
  if (r.id === 'licensed-state' && r.states) return r.states.join(', ');
  return undefined;
}

function listLine(list: ListFreshness | null, title: string) {
  if (!list) return <li>{`${title}: ${t('npnCheck.noList')}`}</li>;
  return (
    <li>
      {t('readiness.listLine', [title, formatDateTime(list.importedAt)])}
      {list.stale && <div class="warning">{t('npnCheck.staleList', [title, String(list.ageDays)])}</div>}
    </li>
  );
}

/** Each Help On Demand requirement with its state and what to do, and the ticks only the agent knows. */
export function HodReadinessView(props: {
  readiness: HelpOnDemandReadiness;
  ticks: HelpOnDemandTicks;
  onTicks(ticks: HelpOnDemandTicks): Promise<void>;
  now?: () => Date;
}) {
  const { readiness } = props;
  const now = props.now ?? (() => new Date());
  const planYear = readiness.planYear;
  const doneThisYear = props.ticks.coursework?.planYear === planYear ? props.ticks.coursework : null;
  const [coursework, setCoursework] = useState(doneThisYear !== null);
  const [courseworkOn, setCourseworkOn] = useState(doneThisYear?.on ?? localDay(now()));
  const [activated, setActivated] = useState(props.ticks.activated);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saved' } | { kind: 'error'; text: string }>({
    kind: 'idle',
  });

  async function save(e: Event) {
    e.preventDefault();
    const checked = checkTicks(
      { coursework: coursework ? { planYear, on: courseworkOn } : null, activated },
      now(),
    );
    if (!checked.ok) {
      setStatus({ kind: 'error', text: tProblem(checked.problem) });
      return;
    }
    try {
      await props.onTicks(checked.ticks);
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', text: tError(err) });
    }
  }

  return (
    <div class="stack">
      <section
        class={`readiness readiness-${readinessStanding(readiness).tone}`}
        aria-labelledby="hod-status"
      >
        <h3 id="hod-status">{readinessSummary(readiness)}</h3>
        <ul class="requirements">
          {readiness.requirements.map((r) => (
            <li key={r.id} class={`requirement requirement-${r.state}`}>
              <strong>{tCode('readiness.requirement', r.id)}</strong>
              {': '}
              <span>{tCode('readiness.state', r.state)}</span>
              {detail(r, readiness) && <span>{` — ${detail(r, readiness)}`}</span>}
              {r.remedies.length > 0 && (
                <ul class="remedies">
                  {r.remedies.map((code) => (
                    <li key={code}>{tCode('readiness.remedy', code)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
        <h4>{t('readiness.listsUsed')}</h4>
        <ul>
          {listLine(readiness.rcl, t('npnCheck.registrationTitle'))}
          {listLine(readiness.terminationList, t('npnCheck.terminationTitle'))}
        </ul>
      </section>
      <form class="stack" onSubmit={save} noValidate aria-labelledby="hod-ticks-heading">
        <h3 id="hod-ticks-heading">{t('readiness.ticksHeading')}</h3>
        <div class="field inline">
          <input
            id="hod-coursework"
            type="checkbox"
            checked={coursework}
            onChange={(e) => {
              setCoursework(e.currentTarget.checked);
              setStatus({ kind: 'idle' });
            }}
          />
          <label for="hod-coursework">{t('readiness.courseworkDone', [String(planYear)])}</label>
        </div>
        {coursework && (
          <Field id="hod-coursework-on" label={t('readiness.courseworkDate')}>
            <input
              id="hod-coursework-on"
              type="date"
              value={courseworkOn}
              max={localDay(now())}
              onInput={(e) => {
                setCourseworkOn(e.currentTarget.value);
                setStatus({ kind: 'idle' });
              }}
            />
          </Field>
        )}
        <div class="field inline">
          <input
            id="hod-activated"
            type="checkbox"
            checked={activated}
            onChange={(e) => {
              setActivated(e.currentTarget.checked);
              setStatus({ kind: 'idle' });
            }}
          />
          <label for="hod-activated">{t('readiness.activatedDone')}</label>
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            {t('readiness.saveTicks')}
          </button>
        </div>
        <p role="status" class={status.kind === 'error' ? 'status status-error' : 'status'}>
          {status.kind === 'saved' && t('readiness.ticksSaved')}
          {status.kind === 'error' && status.text}
        </p>
      </form>
    </div>
  );
}
