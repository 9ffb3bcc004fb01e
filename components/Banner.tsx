import type { RiskAssessment } from '../lib/risk';
import type { PageFacts } from '../lib/sites';
import { t, tCode } from './i18n';

export interface BannerProps {
  assessment: RiskAssessment;
  facts: PageFacts;
  submittingNpn: string | null;
  onDismiss(): void;
}

/** The warning shown on an enrollment page. Every page-derived value is rendered as text. */
export function Banner({ assessment, facts, submittingNpn, onDismiss }: BannerProps) {
  const { level, reasons, actions } = assessment;
  return (
    <div class={`banner banner-${level}`} role="alert" aria-labelledby="aor-guard-title">
      <div class="banner-head">
        <strong class="banner-brand">{t('banner.label')}</strong>
        <h2 id="aor-guard-title">{level === 'blocked' ? t('banner.blocked') : t('banner.caution')}</h2>
        <button type="button" class="dismiss" onClick={onDismiss}>
          {t('banner.dismiss')}
        </button>
      </div>
      <ul class="reasons">
        {reasons.map((r) => (
          <li key={r}>{tCode('reason', r)}</li>
        ))}
      </ul>
      {facts.aorNpn && submittingNpn && (
        <p class="aor">{t('banner.aorLine', [facts.aorName ?? '—', facts.aorNpn, submittingNpn])}</p>
      )}
      {(actions.includes('send-resume-link') || actions.includes('three-way-call')) && (
        <>
          <p class="ways">{t('banner.waysForward')}</p>
          <ol class="actions-list">
            {actions.includes('send-resume-link') && <li>{t('banner.resumeLink')}</li>}
            {actions.includes('three-way-call') && <li>{t('banner.threeWayCall')}</li>}
          </ol>
        </>
      )}
      {actions.includes('verify-aor') && <p>{t('banner.verifyAor')}</p>}
      {actions.includes('do-not-create-new-application') && <p class="do-not">{t('banner.doNotCreate')}</p>}
    </div>
  );
}
