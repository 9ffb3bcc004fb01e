import { useLayoutEffect, useState } from 'preact/hooks';
import {
  type HubConfig,
  hubAllowed,
  hubConfig,
  readHubCursor,
  readHubDevice,
  readHubState,
  watchPermissions,
} from '../lib/hub/hub.background';
import { countPending } from '../lib/hub/store';
import type { HubCursor, HubState } from '../lib/hub/sync';
import { readPolicy, watchPolicy } from '../lib/policy/managed.background';
import { hubCursorItem, hubDeviceItem, hubStateItem } from '../lib/storage/settings';
import { useLiveQuery } from './use-live-query';

/** The agency hub as the dashboard shows it: never the device token. */
export interface HubView {
  /** Undefined when the agency's policy names no hub. */
  config?: HubConfig;
  /** The agent allowed AOR Guard to reach the hub's site. */
  allowed: boolean;
  connected?: { agencyName: string; hubUrl: string };
  state: HubState;
  cursor: HubCursor;
}

/** The hub the policy names, this browser's enrolment and the sync state, kept current. */
export function useHub(): HubView | undefined {
  const [view, setView] = useState<HubView>();
  useLayoutEffect(() => {
    // The site permission is watched only once the policy names a hub (most installs never do).
    let stopPermissions: (() => void) | undefined;
    const refresh = async () => {
      const { policy } = await readPolicy();
      const config = hubConfig(policy);
      if (config) stopPermissions ??= watchPermissions(refresh);
      const [allowed, device, state, cursor] = await Promise.all([
        config ? hubAllowed(config) : false,
        readHubDevice(),
        readHubState(),
        readHubCursor(),
      ]);
      const current = config && device?.hubUrl === config.hubUrl && device.code === config.code;
      setView({
        config,
        allowed,
        connected: current ? { agencyName: device.agencyName, hubUrl: device.hubUrl } : undefined,
        state,
        cursor,
      });
    };
    refresh();
    const stops = [hubDeviceItem, hubStateItem, hubCursorItem].map((item) => item.watch(refresh));
    stops.push(watchPolicy(refresh));
    return () => {
      for (const stop of [...stops, stopPermissions]) stop?.();
    };
  }, []);
  return view;
}

/** What the next sync will send: everything changed with auto sync on, else what a Send left behind. */
export function useHubPending(view: HubView | undefined): number | undefined {
  const auto = view?.config?.autoSync;
  const cursor = view?.cursor;
  return useLiveQuery(
    async () => (cursor ? (auto ? countPending(cursor) : (cursor.unsent?.length ?? 0)) : undefined),
    [auto, JSON.stringify(cursor)],
  );
}

/** The hub the agency's policy names (undefined: none), kept current; no enrolment or sync state. */
export function useHubConfig(): HubConfig | undefined {
  const [config, setConfig] = useState<HubConfig>();
  useLayoutEffect(() => {
    readPolicy().then(({ policy }) => setConfig(hubConfig(policy)));
    return watchPolicy(({ policy }) => setConfig(hubConfig(policy)));
  }, []);
  return config;
}
