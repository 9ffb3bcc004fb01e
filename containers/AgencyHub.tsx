import { HubPanel } from '../components/HubPanel';
import { useHub, useHubPending } from '../hooks/use-hub';
import { allowHubAndSync, syncHub } from '../lib/hub/hub.background';

/** The agency hub the policy names, wired to enrolment and sync; nothing when it names none. */
export function AgencyHub() {
  const hub = useHub();
  const pending = useHubPending(hub);
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
      onConnect={() => allowHubAndSync(config)}
      onSyncNow={() => syncHub({ force: true })}
    />
  );
}
