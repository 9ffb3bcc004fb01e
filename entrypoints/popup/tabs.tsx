// The popup's tabs, in order: the one list. The tab bar, its labels and which tabs the agency's policy
// hides come from here; App.tsx renders the selected one.
import type { ComponentChildren } from 'preact';
import { PagePanel } from '../../components/risk/PagePanel';
import { lazyComponent } from '../../components/shared/lazy';
import type { Feature, Policy } from '../../lib/policy/keys';
import type { License } from '../../lib/profile/marketplace';
import type { Profile } from '../../lib/profile/profile';
import type { PageFacts } from '../../lib/sites';
import type { PlainKey } from '../../words/i18n';

/** What the popup knows when it renders a tab. */
export interface TabContext {
  /** What the active tab's page shows; null: not a consumer page; undefined: still reading. */
  facts: PageFacts | null | undefined;
  profile: Profile;
  /** The licenses in the Marketplace profile; undefined while it is being read. */
  licenses: readonly License[] | undefined;
  /** The agency's policy; undefined while it is being read. */
  policy: Policy | undefined;
  /** The page's application is on an imported AOR at-risk list. */
  atRisk: boolean;
  /** Opens the picker on the active tab's page (lib/page-rules). */
  teach(): void;
  /** Saves a page sample of the active tab's page. */
  sample(): void;
}

export interface PopupTab {
  /** Also the popup's hash (`popup.html#call-report`) and the keyboard shortcut's hint. */
  id: string;
  labelKey: PlainKey;
  /** The policy's `hiddenFeatures` entry that hides it; none: always shown. */
  feature?: Feature;
  render(context: TabContext): ComponentChildren;
}

// Only "This page" is on screen when the popup opens: the other tabs, and the database (Dexie) they
// use, load their code when first shown (popup budget: `npm run size`).
const loadReports = () => import('../../lib/call-reports/store');
const CallReportForm = lazyComponent(() =>
  import('../../components/call-reports/CallReportForm').then((m) => m.CallReportForm),
);
const NpnCheck = lazyComponent(() => import('../../containers/NpnCheck').then((m) => m.NpnCheck));
const ResumeLinkPanel = lazyComponent(() =>
  import('../../containers/ResumeLinkPanel').then((m) => m.ResumeLinkPanel),
);

const TABS = [
  {
    id: 'this-page',
    labelKey: 'popup.thisPageTab',
    // Until the policy is read the page counts as still being read: a verdict without it could differ
    // from the banner's.
    render: ({ facts, profile, licenses, policy, atRisk, teach, sample }) => (
      <PagePanel
        facts={policy && licenses ? facts : undefined}
        profile={profile}
        licenses={licenses}
        policy={policy ?? {}}
        atRisk={atRisk}
        onTeach={teach}
        onSample={sample}
      />
    ),
  },
  {
    id: 'call-report',
    labelKey: 'popup.callReportTab',
    feature: 'call-reports',
    render: ({ facts, profile }) => (
      <CallReportForm
        planYear={profile.planYear}
        reporterName={profile.name || undefined}
        reporterNpn={profile.npn || undefined}
        initial={{ applicationId: facts?.applicationId ?? '', state: facts?.state ?? '' }}
        consumerName={facts?.consumerName}
        onSave={async (report) => (await loadReports()).saveCallReport(report)}
      />
    ),
  },
  {
    id: 'resume-link',
    labelKey: 'popup.resumeLinkTab',
    feature: 'resume-links',
    render: ({ facts }) => (
      <ResumeLinkPanel
        initial={{
          link: facts?.resumeLink ?? '',
          consumerName: facts?.consumerName ?? '',
          applicationId: facts?.applicationId ?? '',
        }}
        planYear={facts?.planYear}
        site={facts?.site}
        eap={facts?.enrolleeAssistance}
        overrideNpn={facts?.overrideNpn}
      />
    ),
  },
  {
    id: 'npn-check',
    labelKey: 'popup.npnCheckTab',
    feature: 'npn-registry',
    render: ({ profile }) => <NpnCheck planYear={profile.planYear} />,
  },
] as const satisfies readonly PopupTab[];

export type PopupTabId = (typeof TABS)[number]['id'];
export const POPUP_TABS: readonly (PopupTab & { id: PopupTabId })[] = TABS;
