// The call reports section's state: the settings it works with, the query and its page, the selection
// (pruned when filters hide some of it), the report open in the side panel, the filings awaiting
// confirmation and the agency outbox. The parts of the section (CallReportsView.tsx) read it.
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { useHubConfig } from '../../../../hooks/use-hub';
import { useLiveQuery } from '../../../../hooks/use-live-query';
import { useEffectiveSetting } from '../../../../hooks/use-setting';
import { useStoredProfile } from '../../../../hooks/use-stored-profile';
import { listQueuedSends } from '../../../../lib/call-reports/agency-outbox.background';
import { reportConsumerData } from '../../../../lib/call-reports/pii';
import { DEFAULT_QUERY, type ReportQuery, searchTerms } from '../../../../lib/call-reports/query';
import type { CallReport } from '../../../../lib/call-reports/report';
import { nextRetentionRun } from '../../../../lib/call-reports/retention.background';
import {
  countReports,
  findDuplicates,
  getReports,
  listFilingBatches,
  queryReports,
  type ReportChange,
  stillMatching,
} from '../../../../lib/call-reports/store';
import { actorName } from '../../../../lib/call-reports/workflow';
import { parseDashboardHash } from '../../../../lib/dashboard/link';
import { FFM_HELP_DESK_EMAIL } from '../../../../lib/shared/contacts';
import {
  platformSupportEmailItem,
  reportRetentionDaysItem,
  reportsEndpointItem,
} from '../../../../lib/storage/settings';

/** The FFM help desk address has no setting of its own: only the agency's policy can change it. */
const FFM_HELP_DESK_ITEM = { getValue: async () => FFM_HELP_DESK_EMAIL, watch: () => () => {} };

type Page = Awaited<ReturnType<typeof queryReports>> & { query: ReportQuery };

// Asked for as the dashboard's scripts load, while the language and the settings are still being read:
// the database opens and the first page is read by the time the section first renders.
const firstPage: Promise<Page> | undefined =
  parseDashboardHash(location.hash).section === 'call-reports'
    ? queryReports(DEFAULT_QUERY).then((p) => ({ ...p, query: DEFAULT_QUERY }))
    : undefined;

/** The filters of a query, without its page and order: a change here is what prunes the selection. */
const filtersOf = (q: ReportQuery) => JSON.stringify([q.status, q.state, q.issueType, q.from, q.to, q.text]);

export type CallReportsState = NonNullable<ReturnType<typeof useCallReports>>;

/** The section's state; undefined until the profile and the settings are read. */
export function useCallReports() {
  const profile = useStoredProfile();
  // The agency's policy, where it sets these, wins over the agent's own settings.
  const platformSetting = useEffectiveSetting('platformSupportEmail', platformSupportEmailItem);
  const endpointSetting = useEffectiveSetting('reportsEndpointUrl', reportsEndpointItem);
  const retentionSetting = useEffectiveSetting('dataRetentionDays', reportRetentionDaysItem);
  const helpDesk = useEffectiveSetting('ffmHelpDeskEmail', FFM_HELP_DESK_ITEM);
  // An agency with a hub: Send to agency goes there, with this browser's device token.
  const hub = useHubConfig();
  const retentionDays = retentionSetting?.value;
  const [query, setQuery] = useState<ReportQuery>(DEFAULT_QUERY);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pruned, setPruned] = useState(0);
  const [openId, setOpenId] = useState<string>();
  const [lastChange, setLastChange] = useState<ReportChange>();
  const [early, setEarly] = useState<Page>();
  useLayoutEffect(() => {
    firstPage?.then(setEarly, () => {});
  }, []);
  const live = useLiveQuery(() => queryReports(query).then((p): Page => ({ ...p, query })), [query]);
  const page = live ?? (query === DEFAULT_QUERY ? early : undefined);
  // A summary search reads every match for its page and counts them there: not a second time here.
  const counted = useLiveQuery(
    async () => (searchTerms(query.text).length ? undefined : countReports(query)),
    [query],
  );
  const total = page?.query === query && page.total !== undefined ? page.total : counted;
  const outbox = useLiveQuery(() => listQueuedSends(), []);
  const batches = useLiveQuery(() => listFilingBatches(), []);
  const retentionForecast = useLiveQuery(
    async () => (retentionDays ? nextRetentionRun(retentionDays, new Date()) : undefined),
    [retentionDays],
  );
  const open = useLiveQuery(async () => (openId ? (await getReports([openId]))[0] : undefined), [openId]);
  // Read for the mail link's length only: the email itself is written from the reports as they are then.
  const [selectedReports, setSelectedReports] = useState<CallReport[]>([]);
  // Read again when the page is (a correction may have removed consumer data from a selected report).
  useEffect(() => {
    let stale = false;
    getReports([...selected]).then((r) => stale || setSelectedReports(r));
    return () => {
      stale = true;
    };
  }, [selected, page]);
  const rows = page?.reports ?? [];
  // Summaries that look like they hold consumer data: flagged in the table, asked about before filing.
  const withConsumerData = useMemo(
    () => new Set(rows.filter((r) => reportConsumerData(r).length).map((r) => r.id)),
    [rows],
  );
  const duplicates = useLiveQuery(() => findDuplicates(rows), [page]);

  // Selection follows the view: reports the new filters hide leave the selection, and the person is told.
  const filters = filtersOf(query);
  useEffect(() => {
    if (!selected.size) return;
    let stale = false;
    stillMatching([...selected], query).then((kept) => {
      if (stale || kept.length === selected.size) return;
      setSelected(new Set(kept));
      setPruned(selected.size - kept.length);
    });
    return () => {
      stale = true;
    };
  }, [filters]);

  const platformEmail = platformSetting?.value;
  const endpoint = endpointSetting?.value;
  if (!profile || platformEmail === undefined || endpoint === undefined || retentionDays === undefined)
    return undefined;
  const me = actorName(profile);
  return {
    profile,
    me,
    /** Who does a change, and when: every workflow step records it. */
    actor: () => ({ by: me, now: new Date() }),
    settings: { platformSetting, endpointSetting, retentionSetting },
    platformEmail,
    endpoint,
    retentionDays,
    helpDeskEmail: helpDesk?.value ?? FFM_HELP_DESK_EMAIL,
    hub,
    query,
    setQuery,
    selected,
    setSelected,
    pruned,
    setPruned,
    openId,
    setOpenId,
    lastChange,
    setLastChange,
    page,
    rows,
    total,
    outbox,
    awaitingList: batches ?? [],
    retentionForecast,
    open,
    selectedReports,
    withConsumerData,
    duplicates,
  };
}
