// Licenses about to expire: checked once a day on an alarm (alarms wake a stopped MV3 worker), each
// notified once (lib/profile/licenses.ts decides which).
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { showNotification } from '../shared/notify.browser';
import { licenseExpiryNotifiedItem } from '../storage/settings';
import { daysUntil, expiringLicenses } from './licenses';
import { effectiveMarketplaceProfile, type License, type ProfilePolicy } from './marketplace';
import { readMarketplaceProfile } from './stored.browser';

export const LICENSE_EXPIRY_ALARM = 'license-expiry';
/** Every expiry notification's id starts so (lib/dashboard/open.background.ts opens Profile on a click). */
export const NOTIFICATION_PREFIX = 'license-expiry-';

/**
 * Notifies each license expiring within the warning window once. The agency's policy (which may preset
 * the licenses) comes from the caller: lib/policy/ stands above profile/, its keys preset the profile.
 */
export async function notifyExpiringLicenses(now: Date, policy: ProfilePolicy): Promise<void> {
  const [stored, notified] = await Promise.all([
    readMarketplaceProfile(),
    licenseExpiryNotifiedItem.getValue(),
  ]);
  const { licenses } = effectiveMarketplaceProfile(stored, policy).profile;
  const key = (l: License) => `${l.state}:${l.expires}`;
  const due = expiringLicenses(licenses, now).filter((l) => !notified.includes(key(l)));
  for (const license of due) {
    await showNotification(`${NOTIFICATION_PREFIX}${license.state}`, {
      title: i18n.t('readiness.expiryTitle'),
      message: i18n.t('readiness.expiryMessage', [
        license.state,
        license.expires,
        String(daysUntil(license.expires, now)),
      ]),
    });
  }
  // Renewed or removed licenses drop out, so the list never outgrows the profile.
  const current = new Set(licenses.map(key));
  if (due.length > 0)
    await licenseExpiryNotifiedItem.setValue([...notified.filter((k) => current.has(k)), ...due.map(key)]);
}

/** `readPolicy`: the agency's policy as it is when the alarm rings. */
export function startLicenseExpiryChecks(readPolicy: () => Promise<ProfilePolicy>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === LICENSE_EXPIRY_ALARM)
      readPolicy()
        .then((policy) => notifyExpiringLicenses(new Date(), policy))
        .catch(() => {});
  });
  // Created only when missing: a worker restart must not push the schedule back.
  browser.alarms
    .get(LICENSE_EXPIRY_ALARM)
    .then((alarm) =>
      alarm
        ? undefined
        : browser.alarms.create(LICENSE_EXPIRY_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 }),
    )
    .catch(() => {});
}
