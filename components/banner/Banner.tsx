import type { ConsentCheck } from '../../lib/consent/check';
import type { DashboardPrefill, DashboardSection } from '../../lib/dashboard/link';
import type { Feature } from '../../lib/policy/keys';
import type { RiskAssessment } from '../../lib/risk/rules';
import type { PageFacts } from '../../lib/sites';
import { formatDate, t, tCode } from '../../words/i18n';
import { reasonLines } from '../../words/reason-lines';
import { reasonWords } from '../../words/reason-words';

export interface BannerProps {
  assessment: RiskAssessment;
  facts: PageFacts;
  submittingNpn: string | null;
  /** The application is on an imported AOR at-risk list. */
  atRisk?: boolean;
  /** On a page with several policies, the one this is about. */
  policyName?: string;
  /** The plan year the verdict judged (lib/risk/verdict.ts): the banner names it. */
  planYear?: number;
  /** The consumer's state against the agent's licenses, in words (words/state-line.ts). */
  stateLine?: string;
  /** Features the agency's policy hides: their buttons are not offered. */
  hiddenFeatures?: readonly Feature[];
  /** Near a submission: consent and review on file for the plan year, or what is missing. */
  consent?: ConsentCheck;
  /** A one-line chip, a bar naming what is unknown, or the full panel (lib/risk/verdict.ts, presentation). */
  view?: 'chip' | 'compact' | 'full';
  onDismiss(): void;
  /** The agent expands (true) or collapses (false) the banner. */
  onOpen?(open: boolean): void;
  /** The skip link: bring the banner forward and focus it. */
  onFocus?(): void;
  /** "Add your NPN": the welcome page, where the profile is filled in. */
  onAddNpn?(): void;
  /** "Not right? Show AOR Guard": the picker (lib/page-rules). */
  onTeach?(): void;
  onOpenDashboard?(section: DashboardSection, prefill: DashboardPrefill): void;
}

/**
 * Opens and closes what a button controls (the call script, the details) right below it: the banner holds
 * no state of its own, so the content script carries no hooks library (its size budget: `npm run size`).
 */
function toggle(event: Event): void {
  const button = event.currentTarget as HTMLButtonElement;
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  const root = button.getRootNode() as Document | ShadowRoot;
  const part = root.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!part) return;
  part.hidden = !open;
  // It opens below the decision: bring its start into view inside the panel.
  if (open) part.scrollIntoView?.({ block: 'nearest' });
}

/**
 * Words the page must not learn (the NPN submitted, the at-risk status), drawn by CSS from an attribute
 * of our closed shadow root: a person and a screen reader get them, the page's window.find does not
 * (docs/PRIVACY.md, "What a page can and cannot learn").
 */
const unsearchable = (text: string) => <span class="said" data-said={text} />;

/** Phone numbers (1-855-788-6275) stay on one line. */
function keepNumbers(text: string) {
  return text.split(/(\d[\d-]{6,}\d)/).map((part, i) => (i % 2 ? <span class="num">{part}</span> : part));
}

function title(assessment: RiskAssessment, atRisk: boolean, chip: boolean) {
  const { level, reasons } = assessment;
  if (reasons.includes('error-shown')) return t('banner.refused');
  if (level === 'blocked') return t('banner.blocked');
  if (level === 'caution') return t('banner.caution');
  // Why another agent's coverage does not matter, at a glance: the chip names both years.
  if (chip && !atRisk && reasons.includes('new-plan-year')) return reasonWords('new-plan-year', assessment);
  return atRisk ? unsearchable(t('banner.atRiskTitle')) : t('banner.clear');
}

/** Whether consent and the application review are on file for the plan year, and what is missing. */
function consentWords(check: ConsentCheck): string {
  const year = String(check.planYear);
  const scope = tCode('banner.consentScope', check.scope);
  const [first, second] = check.missing;
  const line = !first
    ? t('banner.consentOnFile', [year])
    : second
      ? t('banner.consentMissingBoth', [year, scope])
      : first === 'consent'
        ? t('banner.consentMissingConsent', [year, scope])
        : t('banner.consentMissingReview', [year]);
  return check.outOfScope ? `${line} ${t('banner.consentOutOfScope')}` : line;
}

/** The warning shown on an enrollment page. Every page-derived value is rendered as text. */
export function Banner({
  assessment,
  facts,
  submittingNpn,
  atRisk = false,
  policyName,
  planYear,
  stateLine,
  hiddenFeatures = [],
  consent,
  view = 'full',
  onDismiss,
  onOpen,
  onFocus,
  onAddNpn,
  onTeach,
  onOpenDashboard,
}: BannerProps) {
  const { level, actions } = assessment;
  const prefill = { applicationId: facts.applicationId, state: facts.state };
  const canCall = actions.includes('three-way-call');
  const offersLink = actions.includes('send-resume-link') || facts.invalidActionError;
  const canSendLink = offersLink && !hiddenFeatures.includes('resume-links');
  const canLogCall = !hiddenFeatures.includes('call-reports');
  const warning = level !== 'clear' || atRisk;
  const npns = facts.conflicts?.includes('aorNpn') ? facts.aorNpns : undefined;
  const chip = view === 'chip';
  const full = view === 'full';
  // Nothing is submitted as anyone: the agent's own NPN is missing from their profile.
  const addNpn = !submittingNpn && level !== 'clear';
  const heading = title(assessment, atRisk, chip);
  // The stripe says what the heading says: red for a block, a refusal or the at-risk title only.
  const atRiskTitle = atRisk && level === 'clear';
  const aorLine =
    facts.aorNpn && !npns && submittingNpn && level !== 'clear'
      ? facts.aorName
        ? t('banner.aorLine', [facts.aorName, facts.aorNpn, submittingNpn])
        : t('banner.aorLineNoName', [facts.aorNpn, submittingNpn])
      : undefined;
  // Below the decision, on request: each way in words, why not a new application, what was read.
  const details = [
    canSendLink && <p key="link">{t('banner.resumeLink')}</p>,
    canCall && <p key="call">{keepNumbers(t('banner.threeWayCall'))}</p>,
    actions.includes('do-not-create-new-application') && <p key="why">{t('banner.doNotCreateWhy')}</p>,
    policyName && <p key="policy">{t('banner.policyLine', [policyName])}</p>,
    npns?.[1] && (
      <p key="npns">{t('banner.conflictingNpns', [npns.slice(0, -1).join(', '), npns.at(-1) ?? ''])}</p>
    ),
    facts.conflicts?.includes('hasActiveCoverage') && <p key="coverage">{t('banner.conflictingCoverage')}</p>,
    aorLine && <p key="aor">{unsearchable(aorLine)}</p>,
    ...(facts.taught ?? []).map((taught) => (
      <p class="taught" key={taught.fact}>
        {t(taught.from === 'agency' ? 'banner.taughtByAgency' : 'banner.taught', [
          tCode('picker.fact', taught.fact),
          formatDate(taught.taughtAt),
        ])}
      </p>
    )),
  ].filter(Boolean);
  const planYearLine = planYear !== undefined && (
    <p class="plan-year">{t('banner.planYearLine', [String(planYear)])}</p>
  );
  const reasonList = (
    <ul class="reasons">
      {reasonLines(assessment).map((line) => (
        <li key={line.key}>{line.text}</li>
      ))}
    </ul>
  );
  return (
    <>
      {warning && (
        <button type="button" class="skip" onClick={onFocus}>
          {t('banner.skip')}
        </button>
      )}
      <section
        class={`banner banner-${level}${atRiskTitle ? ' banner-at-risk' : ''} view-${view}`}
        role="alert"
        aria-labelledby="aor-guard-title"
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onOpen?.(false);
        }}
      >
        <div class="banner-head">
          <strong class="banner-brand">{t('banner.label')}</strong>
          <h2 id="aor-guard-title">
            {chip ? (
              <button type="button" class="chip" aria-expanded="false" onClick={() => onOpen?.(true)}>
                {heading}
              </button>
            ) : (
              heading
            )}
          </h2>
          {!chip && (
            <button type="button" aria-expanded="true" onClick={() => onOpen?.(false)}>
              {t('banner.collapse')}
            </button>
          )}
          <button type="button" class="dismiss" onClick={onDismiss}>
            {t('banner.dismiss')}
          </button>
        </div>
        {stateLine && <p class="state-line">{stateLine}</p>}
        {/* What is missing shows in every view; "on file" only beside the rest of the panel. */}
        {consent && (consent.missing.length > 0 || !chip) && (
          <p class={consent.missing.length > 0 ? 'consent-line consent-missing' : 'consent-line'}>
            {consentWords(consent)}{' '}
            {consent.missing.length > 0 && (
              <button
                type="button"
                onClick={() =>
                  onOpenDashboard?.('consent', {
                    applicationId: facts.applicationId,
                    planYear: consent.planYear,
                  })
                }
              >
                {t('banner.consentRecord')}
              </button>
            )}
          </p>
        )}
        {/* The full panel in the order the agent acts on: what will happen (the heading), what to check or
            not to do, the two ways forward; then why, and each way in words; the details and the call
            script open below their buttons (issue 29). */}
        {view === 'compact' && planYearLine}
        {view === 'compact' && reasonList}
        {full && actions.includes('verify-aor') && <p>{t('banner.verifyAor')}</p>}
        {full && actions.includes('do-not-create-new-application') && (
          <p class="do-not">{t('banner.doNotCreate')}</p>
        )}
        {full && (offersLink || canCall) && (
          <>
            <p class="ways">{t('banner.waysForward')}</p>
            <ol class="ways-list">
              {offersLink && (
                <li>
                  {canSendLink ? (
                    <button
                      type="button"
                      onClick={() =>
                        onOpenDashboard?.('resume-link', {
                          applicationId: facts.applicationId,
                          consumerName: facts.consumerName,
                          resumeLink: facts.resumeLink,
                          planYear: facts.planYear,
                          eap: facts.enrolleeAssistance,
                        })
                      }
                    >
                      {t('banner.sendResumeLink')}
                    </button>
                  ) : (
                    t('banner.resumeLink')
                  )}
                </li>
              )}
              {canCall && (
                <li>
                  <button
                    type="button"
                    aria-expanded="false"
                    aria-controls="aor-guard-script"
                    onClick={toggle}
                  >
                    {t('banner.scriptButton')}
                  </button>
                  {/* Right after its button: the script's own button is the next Tab stop. */}
                  <div id="aor-guard-script" class="script" hidden>
                    <p>{t('banner.scriptPrepare')}</p>
                    <ol>
                      <li>{keepNumbers(t('banner.scriptStep1'))}</li>
                      {/* The call center's agent line identifies the agent before anything else (docs/DOMAIN.md). */}
                      <li>{t('banner.scriptNpnFirst')}</li>
                      <li>{t('banner.scriptStep2')}</li>
                      <li>{t('banner.scriptStep3')}</li>
                      <li>{t('banner.scriptAuthorisation')}</li>
                      <li>{t('banner.scriptStep4')}</li>
                    </ol>
                    {canLogCall && <p>{t('banner.scriptIfWrong')}</p>}
                    {canLogCall && (
                      <button type="button" onClick={() => onOpenDashboard?.('call-reports', prefill)}>
                        {t('banner.logCallReport')}
                      </button>
                    )}
                  </div>
                </li>
              )}
            </ol>
          </>
        )}
        {full && (
          <div class="why">
            {reasonList}
            {planYearLine}
            {atRisk && <p class="at-risk">{unsearchable(t('banner.atRisk'))}</p>}
          </div>
        )}
        {!chip && (addNpn || view === 'compact' || (full && details.length > 0) || onTeach) && (
          <div class="banner-actions">
            {addNpn && (
              <button type="button" onClick={onAddNpn}>
                {t('banner.addNpn')}
              </button>
            )}
            {view === 'compact' && (
              <button type="button" aria-expanded="false" onClick={() => onOpen?.(true)}>
                {t('banner.details')}
              </button>
            )}
            {full && details.length > 0 && (
              <button
                type="button"
                class="more"
                aria-expanded="false"
                aria-controls="aor-guard-details"
                onClick={toggle}
              >
                {t('banner.moreDetails')}
              </button>
            )}
            {onTeach && (
              <button type="button" onClick={onTeach}>
                {t('banner.teach')}
              </button>
            )}
          </div>
        )}
        {full && details.length > 0 && (
          <div id="aor-guard-details" class="details" hidden>
            {details}
          </div>
        )}
      </section>
    </>
  );
}
