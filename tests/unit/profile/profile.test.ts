import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseProfileForm, submittingNpn } from '../../../lib/profile/profile';
import { assessPage } from '../../../lib/risk/verdict';
import type { PageFacts } from '../../../lib/sites';
import { profileItem, readProfile } from '../../../lib/storage/settings';

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

describe('submittingNpn', () => {
  it('is the Override NPN when the agency uses one, else the agent’s own', () => {
    expect(submittingNpn({ name: 'A', npn: '1', overrideNpn: '', planYear: 2026 })).toBe('1');
    expect(submittingNpn({ name: 'A', npn: '1', overrideNpn: '2', planYear: 2026 })).toBe('2');
    expect(submittingNpn({ name: '', npn: '', overrideNpn: '', planYear: 2026 })).toBeNull();
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

describe('assessPage', () => {
  const facts: PageFacts = {
    site: 'healthsherpa',
    pageKind: 'client',
    aorNpn: '87654321',
    hasActiveCoverage: true,
    invalidActionError: false,
  };
  const profile = { name: 'Sam', npn: '12345678', overrideNpn: '', planYear: 2026 };

  it('blocks a different AOR on active coverage', () => {
    expect(assessPage(facts, profile)?.level).toBe('blocked');
  });
  it('is clear for the same AOR', () => {
    expect(assessPage({ ...facts, aorNpn: '12345678' }, profile)?.level).toBe('clear');
  });
  it('uses the Override NPN when set', () => {
    expect(assessPage(facts, { ...profile, overrideNpn: '87654321' })?.level).toBe('clear');
  });
  it('a page naming no agent of record means adding an NPN: blocked', () => {
    expect(assessPage({ ...facts, aorNpn: undefined, aorAbsent: true }, profile)?.reasons).toEqual([
      'adds-npn',
    ]);
  });
  it('two different AOR NPNs on one page: caution, never clear', () => {
    const conflicting = { ...facts, aorNpn: '12345678', conflicts: ['aorNpn' as const] };
    expect(assessPage(conflicting, profile)?.level).toBe('caution');
  });
  it('a page showing the Invalid Action error is blocked, whatever else it shows', () => {
    const shown = {
      ...facts,
      pageKind: 'invalid-action' as const,
      aorNpn: undefined,
      invalidActionError: true,
    };
    expect(assessPage(shown, profile)).toEqual({
      level: 'blocked',
      reasons: ['error-shown'],
      actions: ['send-resume-link', 'three-way-call', 'do-not-create-new-application'],
    });
    expect(assessPage({ ...shown, enrolleeAssistance: true }, profile)?.actions).not.toContain(
      'three-way-call',
    );
  });
  it('gives no verdict on pages that are not about one consumer', () => {
    expect(assessPage({ ...facts, pageKind: 'other' }, profile)).toBeNull();
  });
});
