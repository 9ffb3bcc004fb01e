import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { checkNpnFormat } from '../../lib/npn/format';
import type { Policy } from '../../lib/policy/keys';
import type { License } from '../../lib/profile/marketplace';
import type { Profile } from '../../lib/profile/profile';
import { pageVerdict } from '../../lib/risk/verdict';
import type { PageFacts } from '../../lib/sites';
import { SITE_LABELS } from '../../lib/sites/hosts';
import { formatDate, t, tCode } from '../../words/i18n';
import { reasonLines } from '../../words/reason-lines';
import { stateLine } from '../../words/state-line';
import { describedBy, Field } from '../shared/Field';

export interface PagePanelProps {
  /** undefined while asking the tab; null when the tab is not a page AOR Guard reads. */
  facts: PageFacts | null | undefined;
  profile: Profile | null;
  /** The licenses in the agent's Marketplace profile: the consumer's state is checked against them. */
  licenses?: readonly License[];
  /** The agency's policy: its Override NPN and switched-off sites shape the verdict as on the banner. */
  policy: Policy;
  atRisk: boolean;
  /** Opens the picker on the page (lib/page-rules): absent where the page cannot be taught. */
  onTeach?(): void;
  /** Saves a page sample (values masked) for whoever maintains the agency's page rules. */
  onSample?(): void;
}

type Coverage = 'page' | 'yes' | 'no';

/** What AOR Guard read from the current tab, the verdict, and a way to correct what the page did not show. */
export function PagePanel({ facts, profile, licenses, policy, atRisk, onTeach, onSample }: PagePanelProps) {
  const [aorNpn, setAorNpn] = useState('');
  const [coverage, setCoverage] = useState<Coverage>('page');
  if (facts === undefined) return <p class="hint">{t('page.reading')}</p>;
  if (facts === null) return <p class="hint">{t('page.notEnrollmentPage', [SITE_LABELS])}</p>;

  const npnCheck = aorNpn.trim() ? checkNpnFormat(aorNpn) : null;
  const npnError = npnCheck && !npnCheck.valid ? tCode('npn', npnCheck.code) : undefined;
  const corrected: PageFacts = {
    ...facts,
    ...(npnCheck?.valid && npnCheck.npn
      ? {
          aorNpn: npnCheck.npn,
          aorAbsent: false,
          aorReferral: false,
          conflicts: undefined,
          policies: undefined,
        }
      : {}),
    ...(coverage === 'page' ? {} : { hasActiveCoverage: coverage === 'yes' }),
  };
  const {
    assessment,
    submittingNpn,
    policy: about,
    stateNote,
    planYear: judged,
  } = pageVerdict(corrected, { profile, policy, atRisk, licenses });
  const yesNo = (v: boolean | undefined) =>
    v === undefined ? t('page.unknown') : v ? t('page.yes') : t('page.no');
  const rows: [string, string | undefined][] = [
    [t('page.site'), facts.site],
    [t('page.kind'), tCode('page.kinds', facts.pageKind)],
    [t('callReport.applicationId'), facts.applicationId],
    [t('profile.planYear'), facts.planYear?.toString()],
    [t('page.consumer'), facts.consumerName],
    [t('callReport.state'), facts.state],
    [t('page.aor'), facts.aorName],
    [
      t('page.aorNpn'),
      facts.conflicts?.includes('aorNpn')
        ? t('page.conflicting')
        : (facts.aorNpn ?? (facts.aorAbsent ? t('page.none') : undefined)),
    ],
    [t('page.activeCoverage'), yesNo(facts.hasActiveCoverage)],
    [t('page.submittingNpn'), assessment ? (submittingNpn ?? t('page.unknown')) : undefined],
    [t('page.policy'), about],
    [t('page.planYearJudged'), judged?.toString()],
    [t('page.atRiskRows'), facts.atRiskRows?.toString()],
  ];

  return (
    <div class="stack">
      <h2>{t('page.heading')}</h2>
      {/* The verdict first: what the agent acts on; what was read, below it (issue 29). */}
      {atRisk && <p class="status status-error">{t('banner.atRisk')}</p>}
      <section aria-labelledby="verdict-heading" class={`verdict verdict-${assessment?.level ?? 'none'}`}>
        <h3 id="verdict-heading">
          {assessment ? tCode('page.verdict', assessment.level) : t('page.noVerdict')}
        </h3>
        {stateNote && <p class="status status-error">{stateLine(stateNote)}</p>}
        {assessment && (
          <ul>
            {reasonLines(assessment).map((line) => (
              <li key={line.key}>{line.text}</li>
            ))}
            {assessment.actions.includes('do-not-create-new-application') && (
              <li>{`${t('banner.doNotCreate')} ${t('banner.doNotCreateWhy')}`}</li>
            )}
          </ul>
        )}
      </section>
      <dl class="facts">
        {rows
          .filter(([, v]) => v !== undefined)
          .map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
      </dl>
      {facts.taught?.map((taught) => (
        <p class="hint" key={taught.fact}>
          {t(taught.from === 'agency' ? 'page.taughtByAgency' : 'page.taught', [
            tCode('picker.fact', taught.fact),
            formatDate(taught.taughtAt),
          ])}
        </p>
      ))}
      {facts.untaught?.map((name) => (
        <p class="status status-warning" key={name}>
          {t('page.untaught', [name])}
        </p>
      ))}
      {onTeach && (
        <div class="stack">
          <button type="button" onClick={onTeach} aria-describedby="page-teach-hint">
            {t('page.teach')}
          </button>
          <p class="hint" id="page-teach-hint">
            {t('page.teachHint')}
          </p>
        </div>
      )}
      {onSample && (
        <div class="stack">
          <button type="button" onClick={onSample} aria-describedby="page-sample-hint">
            {t('page.sample')}
          </button>
          <p class="hint" id="page-sample-hint">
            {t('page.sampleHint')}
          </p>
        </div>
      )}
      <h3>{t('page.correctHeading')}</h3>
      <Field
        id="page-aorNpn"
        label={t('page.correctAorNpn')}
        hint={t('page.correctAorNpnHint')}
        error={npnError}
      >
        <input
          id="page-aorNpn"
          type="text"
          inputMode="numeric"
          value={aorNpn}
          aria-invalid={npnError ? true : undefined}
          aria-describedby={describedBy('page-aorNpn', { hint: 'yes', error: npnError })}
          onInput={(e) => setAorNpn(e.currentTarget.value)}
        />
      </Field>
      <Field id="page-coverage" label={t('page.correctCoverage')}>
        <select
          id="page-coverage"
          value={coverage}
          onChange={(e) => setCoverage(e.currentTarget.value as Coverage)}
        >
          <option value="page">{t('page.asPageShows')}</option>
          <option value="yes">{t('page.yes')}</option>
          <option value="no">{t('page.no')}</option>
        </select>
      </Field>
    </div>
  );
}
