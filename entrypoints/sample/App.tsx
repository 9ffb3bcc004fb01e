import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Banner } from '../../components/banner/Banner';
import { dashboardHash } from '../../lib/dashboard/link';
import type { Profile } from '../../lib/profile/profile';
import { pageVerdict } from '../../lib/risk/verdict';
import { defaultPlanYear } from '../../lib/shared/plan-year';
import type { PageFacts } from '../../lib/sites';
import { t } from '../../words/i18n';
import bannerCss from '../banner-ui/banner.css?inline';

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

// On an enrollment page the banner floats in a corner over the page (host.ts); here it sits in the page's
// flow beside the sample client, so it never covers what it talks about.
const IN_FLOW = ':host{position:relative!important;z-index:auto!important}';

/**
 * The banner the enrollment pages get (components/banner/Banner.tsx) with its own stylesheet, in a shadow root
 * as there, so an agent sees a warning without a client page. Its buttons open the real dashboard;
 * Collapse and the chip work as on a page.
 */
function SampleBanner({ onDismiss }: { onDismiss(): void }) {
  const host = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(true);
  const toggled = useRef(false);
  useEffect(() => {
    const el = host.current;
    if (!el || !VERDICT.assessment) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = bannerCss + IN_FLOW;
    const container = document.createElement('div');
    root.replaceChildren(style, container);
    render(
      <Banner
        assessment={VERDICT.assessment}
        facts={FACTS}
        submittingNpn={VERDICT.submittingNpn}
        view={open ? 'full' : 'chip'}
        onOpen={(next) => {
          toggled.current = true;
          setOpen(next);
        }}
        onDismiss={onDismiss}
        onOpenDashboard={(section) => window.open(`/dashboard.html${dashboardHash(section)}`, '_blank')}
      />,
      container,
    );
    // Focus follows the banner's own buttons, as on a page: onto the chip, or into the opened panel.
    if (toggled.current) container.querySelector<HTMLElement>(open ? '.banner' : '.chip')?.focus();
    return () => render(null, container);
  }, [open]);
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
      <div class="sample-side">
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
      </div>
      <p>
        <a href="/onboarding.html">{t('onboarding.sample.back')}</a>
      </p>
    </main>
  );
}
