import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseProfileForm } from '../../../lib/profile/profile';
import { readProfile } from '../../../lib/profile/stored.browser';
import { profileItem } from '../../../lib/storage/settings';

const form = { name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: '2026' };

describe('parseProfileForm', () => {
  it('keeps a valid profile, NPNs as digits', () => {
    expect(parseProfileForm({ ...form, npn: ' 1234 5678 ', overrideNpn: '99887766' })).toEqual({
      ok: true,
      profile: { name: 'Sam Agent', npn: '12345678', overrideNpn: '99887766', planYear: 2026 },
    });
  });
  it.each([
    ['name', '  ', 'required'],
    ['npn', '', 'empty'],
    ['npn', '123-45-6789', 'looks-like-ssn'],
    ['npn', '12-3456789', 'looks-like-ein'],
    ['npn', 'TX1234567', 'looks-like-license'],
    ['overrideNpn', '12345678901', 'too-long'],
    ['planYear', '26', 'planYear'],
    ['planYear', '2026.5', 'planYear'],
  ])('%s = %j → %s', (field, value, code) => {
    expect(parseProfileForm({ ...form, [field]: value })).toEqual({ ok: false, errors: { [field]: code } });
  });
});

describe('stored profile', () => {
  it('reads back what was saved', async () => {
    const profile = { name: 'Sam Agent', npn: '12345678', overrideNpn: '', planYear: 2026 };
    await profileItem.setValue(profile);
    expect(await readProfile()).toEqual(profile);
  });
  it('falls back to an empty profile when storage holds something malformed', async () => {
    await fakeBrowser.storage.local.set({ profile: { name: 5, npn: 'abc' } });
    expect(await readProfile()).toMatchObject({ name: '', npn: '' });
  });
});
