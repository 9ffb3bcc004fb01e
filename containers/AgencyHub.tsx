import { HubPanel } from '../components/hub/HubPanel';
import { useHub, useHubPending } from '../hooks/use-hub';
import { useLiveQuery } from '../hooks/use-live-query';
import { getReports } from '../lib/call-reports/store';
import { allowHubAndSync, syncHub } from '../lib/hub/hub.background';

/** The agency hub the policy names, wired to enrolment and sync; nothing when it names none. */
export function AgencyHub() {
  const hub = useHub();
  const pending = useHubPending(hub);
  const refused = hub?.cursor.refused ?? [];
  // The refused reports named as the agent knows them: application id and when the call was.
  const reports = useLiveQuery(() => getReports(refused.map((r) => r.id)), [JSON.stringify(refused)]);
  const config = hub?.config;
  if (!hub || !config) return null;
  return (
    <HubPanel
      origin={config.origin}
      agencyName={hub.connected?.agencyName}
      needsPermission={!hub.allowed}
      autoSync={config.autoSync}
      lastSyncedAt={hub.state.lastSyncedAt}
      pending={pending}
      lastError={hub.state.lastError}
      nextTryAt={hub.state.nextTryAt}
      heldElsewhere={hub.state.heldElsewhere}
      refused={refused.map((r) => {
        const report = reports?.find((x) => x.id === r.id);
        return { ...r, applicationId: report?.applicationId, calledAt: report?.calledAt };
      })}
      onConnect={() => allowHubAndSync(config)}
      onSyncNow={() => syncHub({ force: true })}
    />
  );
}
