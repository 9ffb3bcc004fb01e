import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { notifyExpiringLicenses } from '../../../lib/profile/licenses.background';
import { licenseExpiryNotifiedItem, marketplaceProfileItem } from '../../../lib/storage/settings';

const now = new Date(2026, 11, 1, 10, 0);

describe('notifyExpiringLicenses', () => {
  beforeEach(() => fakeBrowser.reset());

  it('notifies each license expiring within 30 days once', async () => {
    await marketplaceProfileItem.setValue({
      role: 'individual',
      licenses: [
        { state: 'TX', healthLoa: true, expires: '2026-12-11' },
        { state: 'FL', healthLoa: true, expires: '2027-06-30' },
      ],
      languages: [],
      helpDisplay: null,
      contactHours: '',
    });
    await notifyExpiringLicenses(now, {});
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual(['license-expiry-TX']);
    expect(await licenseExpiryNotifiedItem.getValue()).toEqual(['TX:2026-12-11']);

    await fakeBrowser.notifications.clear('license-expiry-TX');
    await notifyExpiringLicenses(new Date(2026, 11, 2, 10, 0), {});
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('notifies nothing without a saved profile', async () => {
    await notifyExpiringLicenses(now, {});
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});
