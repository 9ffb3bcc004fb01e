// Retention runs by itself once a day when it is on (the agent's setting or the agency's policy).
import { browser } from 'wxt/browser';
import { effectiveSetting } from '../policy/managed.background';
import { reportRetentionDaysItem } from '../storage/settings';
import { forecastRetention, type RetentionForecast } from './retention';
import { deleteReports, expiredReports } from './store';

const RETENTION_ALARM = 'call-report-retention';

export async function applyRetention(now: Date): Promise<number> {
  const { value: days } = await effectiveSetting('dataRetentionDays', reportRetentionDaysItem);
  if (!days || days <= 0) return 0;
  const ids = (await expiredReports(days, now)).map((r) => r.id);
  if (ids.length > 0) await deleteReports(ids);
  return ids.length;
}

/** What the next daily run will delete, counted as of when it runs: shown in the dashboard beforehand. */
export async function nextRetentionRun(days: number, now: Date): Promise<RetentionForecast> {
  // Through Promise.resolve: a Dexie liveQuery calling this keeps tracking the reads after it.
  const alarm = await Promise.resolve(browser.alarms.get(RETENTION_ALARM));
  const at = new Date(Math.max(alarm?.scheduledTime ?? now.getTime(), now.getTime()));
  return forecastRetention(await expiredReports(days, at), at);
}

export function startRetention(): void {
  browser.alarms.get(RETENTION_ALARM).then((existing) => {
    if (!existing) browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 5, periodInMinutes: 24 * 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) applyRetention(new Date()).catch(() => {});
  });
}
