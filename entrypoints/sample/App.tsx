import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Banner } from '../../components/Banner';
import { t } from '../../components/i18n';
import type { Profile } from '../../lib/profile/profile';
import { pageVerdict } from '../../lib/risk/verdict';
import { dashboardHash } from '../../lib/shared/dashboard-link';
import { defaultPlanYear } from '../../lib/shared/plan-year';
import type { PageFacts } from '../../lib/sites';
import bannerCss from '../enrollment.content/banner.css?inline';

// A made-up client whose policy carries another agent's NPN: the case CMS refuses (docs/DOMAIN.md).
const PLAN_YEAR = defaultPlanYear(new Date());
const FACTS: PageFacts = {
  site: 'healthsherpa',
  pageKind: 'client',
  applicationId: '1234567890',
  planYear: PLAN_YEAR,
  consumerName: 'Jordan Sample',
  state: 'TX',
  aorName: 'Alex Example',
  aorNpn: '87654321',
  hasActiveCoverage: true,
  invalidActionError: false,
};
const PROFILE: Profile = { name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: PLAN_YEAR };
const VERDICT = pageVerdict(FACTS, { profile: PROFILE, policy: {}, atRisk: false });

/**
 * The banner the enrollment pages get (components/Banner.tsx) with its own stylesheet, in a shadow root
 * as there, so an agent sees a warning without a client page. Its buttons open the real dashboard.
 */
function SampleBanner({ onDismiss }: { onDismiss(): void }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || !VERDICT.assessment) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = bannerCss;
    const container = document.createElement('div');
    root.replaceChildren(style, container);
    render(
      <Banner
        assessment={VERDICT.assessment}
        facts={FACTS}
        submittingNpn={VERDICT.submittingNpn}
        onDismiss={onDismiss}
        onOpenDashboard={(section) => window.open(`/dashboard.html${dashboardHash(section)}`, '_blank')}
      />,
      container,
    );
    return () => render(null, container);
  }, []);
  return <div ref={host} class="sample-banner" />;
}

export function App() {
  const [shown, setShown] = useState(true);
  return (
    <main class="sample stack">
      <h1>{t('onboarding.sample.heading')}</h1>
      <p class="sample-notice" role="note">
        {t('onboarding.sample.notice')}
      </p>
      <section class="card stack" aria-labelledby="sample-client">
        <h2 id="sample-client">{t('onboarding.sample.clientHeading')}</h2>
        <dl class="facts">
          <dt>{t('onboarding.sample.consumer')}</dt>
          <dd>{FACTS.consumerName}</dd>
          <dt>{t('onboarding.sample.applicationId')}</dt>
          <dd>{FACTS.applicationId}</dd>
          <dt>{t('onboarding.sample.aor')}</dt>
          <dd>{`${FACTS.aorName} (NPN ${FACTS.aorNpn})`}</dd>
          <dt>{t('onboarding.sample.coverage')}</dt>
          <dd>{t('onboarding.sample.coverageActive', [String(PLAN_YEAR)])}</dd>
          <dt>{t('onboarding.sample.yourNpn')}</dt>
          <dd>{PROFILE.npn}</dd>
        </dl>
      </section>
      {shown ? (
        <SampleBanner onDismiss={() => setShown(false)} />
      ) : (
        <div class="stack">
          <p role="status">{t('onboarding.sample.dismissed')}</p>
          <div class="actions">
            <button type="button" onClick={() => setShown(true)}>
              {t('onboarding.sample.showAgain')}
            </button>
          </div>
        </div>
      )}
      <p>
        <a href="/onboarding.html">{t('onboarding.sample.back')}</a>
      </p>
    </main>
  );
}
