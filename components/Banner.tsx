import type { Feature } from '../lib/policy/keys';
import type { RiskAssessment } from '../lib/risk/rules';
import type { DashboardPrefill, DashboardSection } from '../lib/shared/dashboard-link';
import type { PageFacts } from '../lib/sites';
import { t, tCode } from './i18n';

export interface BannerProps {
  assessment: RiskAssessment;
  facts: PageFacts;
  submittingNpn: string | null;
  /** The application is on an imported AOR at-risk list. */
  atRisk?: boolean;
  /** On a page with several policies, the one this is about. */
  policyName?: string;
  /** Features the agency's policy hides: their buttons are not offered. */
  hiddenFeatures?: readonly Feature[];
  onDismiss(): void;
  onOpenDashboard?(section: DashboardSection, prefill: DashboardPrefill): void;
}

/**
 * Opens and closes the call script where it is: the banner holds no state of its own, so the content
 * script carries no hooks library (its size budget: `npm run size`).
 */
function toggleScript(event: Event): void {
  const button = event.currentTarget as HTMLButtonElement;
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  const root = button.getRootNode() as Document | ShadowRoot;
  const script = root.getElementById('aor-guard-script');
  if (script) script.hidden = !open;
}

function title(level: RiskAssessment['level'], atRisk: boolean): string {
  if (level === 'blocked') return t('banner.blocked');
  if (level === 'caution') return t('banner.caution');
  return atRisk ? t('banner.atRiskTitle') : t('banner.clear');
}

/** The warning shown on an enrollment page. Every page-derived value is rendered as text. */
export function Banner({
  assessment,
  facts,
  submittingNpn,
  atRisk = false,
  policyName,
  hiddenFeatures = [],
  onDismiss,
  onOpenDashboard,
}: BannerProps) {
  const { level, reasons, actions } = assessment;
  const prefill = { applicationId: facts.applicationId, state: facts.state };
  const canCall = actions.includes('three-way-call');
  const canSendLink =
    (actions.includes('send-resume-link') || facts.invalidActionError) &&
    !hiddenFeatures.includes('resume-links');
  const canLogCall = !hiddenFeatures.includes('call-reports');
  return (
    <section
      class={`banner banner-${level}${atRisk ? ' banner-at-risk' : ''}`}
      role="alert"
      aria-labelledby="aor-guard-title"
    >
      <div class="banner-head">
        <strong class="banner-brand">{t('banner.label')}</strong>
        <h2 id="aor-guard-title">{title(level, atRisk)}</h2>
        <button type="button" class="dismiss" onClick={onDismiss}>
          {t('banner.dismiss')}
        </button>
      </div>
      <ul class="reasons">
        {reasons.map((r) => (
          <li key={r}>{tCode('reason', r)}</li>
        ))}
      </ul>
      {policyName && <p class="policy">{t('banner.policyLine', [policyName])}</p>}
      {facts.conflicts?.includes('aorNpn') && facts.aorNpns && (
        <p class="aor">{t('banner.conflictingNpns', [facts.aorNpns.join(', ')])}</p>
      )}
      {facts.conflicts?.includes('hasActiveCoverage') && <p class="aor">{t('banner.conflictingCoverage')}</p>}
      {facts.aorNpn && !facts.conflicts?.includes('aorNpn') && submittingNpn && level !== 'clear' && (
        <p class="aor">{t('banner.aorLine', [facts.aorName ?? '—', facts.aorNpn, submittingNpn])}</p>
      )}
      {atRisk && <p class="at-risk">{t('banner.atRisk')}</p>}
      {(actions.includes('send-resume-link') || canCall) && (
        <>
          <p class="ways">{t('banner.waysForward')}</p>
          <ol class="actions-list">
            {actions.includes('send-resume-link') && <li>{t('banner.resumeLink')}</li>}
            {canCall && <li>{t('banner.threeWayCall')}</li>}
          </ol>
        </>
      )}
      {actions.includes('verify-aor') && <p>{t('banner.verifyAor')}</p>}
      {actions.includes('do-not-create-new-application') && <p class="do-not">{t('banner.doNotCreate')}</p>}
      {canSendLink && (
        <div class="banner-actions">
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
        </div>
      )}
      {canCall && (
        <div class="banner-actions">
          <button type="button" aria-expanded="false" aria-controls="aor-guard-script" onClick={toggleScript}>
            {t('banner.scriptButton')}
          </button>
        </div>
      )}
      {canCall && (
        <div id="aor-guard-script" class="script" hidden>
          <ol>
            <li>{t('banner.scriptStep1')}</li>
            <li>{t('banner.scriptStep2')}</li>
            <li>{t('banner.scriptStep3')}</li>
            <li>{t('banner.scriptStep4')}</li>
          </ol>
          {canLogCall && <p>{t('banner.scriptIfWrong')}</p>}
          {canLogCall && (
            <button type="button" onClick={() => onOpenDashboard?.('call-reports', prefill)}>
              {t('banner.logCallReport')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
