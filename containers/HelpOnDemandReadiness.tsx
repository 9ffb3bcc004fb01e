import { HodReadinessView, readinessSummary } from '../components/profile/HodReadinessView';
import { useHodReadiness } from '../hooks/use-hod-readiness';
import { useStoredSetting } from '../hooks/use-setting';
import { dashboardHash } from '../lib/dashboard/link';
import type { License } from '../lib/profile/marketplace';
import type { Profile } from '../lib/profile/profile';
import { helpOnDemandTicksSchema, NO_TICKS, readinessStanding } from '../lib/profile/readiness';
import { helpOnDemandItem } from '../lib/storage/settings';
import { t } from '../words/i18n';

/** The dashboard's Help On Demand readiness, with the ticks saved to their setting. */
export function HelpOnDemandReadiness({
  profile,
  licenses,
}: {
  profile: Profile;
  licenses: readonly License[];
}) {
  const readiness = useHodReadiness(profile, licenses);
  const stored = useStoredSetting(helpOnDemandItem);
  if (!readiness || stored === undefined) return <p class="hint">{t('readiness.reading')}</p>;
  const ticks = helpOnDemandTicksSchema.safeParse(stored);
  return (
    <HodReadinessView
      key={readiness.planYear}
      readiness={readiness}
      ticks={ticks.success ? ticks.data : NO_TICKS}
      onTicks={(next) => helpOnDemandItem.setValue(next)}
    />
  );
}

/** The popup's one line: ready or how many requirements are met, linking to the dashboard section. */
export function ReadinessSummary({ profile, licenses }: { profile: Profile; licenses: readonly License[] }) {
  const readiness = useHodReadiness(profile, licenses);
  if (!readiness) return null;
  return (
    <p
      class={`hod-summary status${readinessStanding(readiness).tone === 'missing' ? ' status-warning' : ''}`}
    >
      <a href={`/dashboard.html${dashboardHash('help-on-demand')}`} target="_blank" rel="noopener">
        {readinessSummary(readiness)}
      </a>
    </p>
  );
}
