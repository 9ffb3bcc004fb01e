import { useLayoutEffect, useState } from 'preact/hooks';
import type { PolicyKeyName } from '../lib/policy/keys';
import { effectiveSetting, watchPolicy } from '../lib/policy/managed.background';

interface StoredSetting<T> {
  getValue(): Promise<T>;
  watch(cb: (v: T) => void): () => void;
}

/** A setting as it applies (the agency's value when its policy sets the key), kept current. */
export function useEffectiveSetting<T>(key: PolicyKeyName, item: StoredSetting<T>) {
  const [setting, setSetting] = useState<{ value: T; locked: boolean }>();
  // Started as the component renders, not after the next paint: the read takes that frame back.
  useLayoutEffect(() => {
    const refresh = () => effectiveSetting(key, item).then(setSetting);
    refresh();
    const stopItem = item.watch(refresh);
    const stopPolicy = watchPolicy(refresh);
    return () => {
      stopItem();
      stopPolicy();
    };
  }, [key, item]);
  return setting;
}

/** The agent's own stored setting (no policy key), kept current. */
export function useSetting<T>(item: StoredSetting<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useLayoutEffect(() => {
    item.getValue().then(setValue);
    return item.watch(setValue);
  }, [item]);
  return value;
}
