import { afterEach, describe, expect, it } from 'vitest';
import { setChosenMessages, t, tCode } from '../../components/i18n';

afterEach(() => setChosenMessages(null));

describe('interface language chosen in settings', () => {
  it("follows the browser's language by default", () => {
    expect(t('profile.npn')).toBe('Your NPN');
  });
  it('uses the chosen language, with placeholders filled', () => {
    setChosenMessages({
      profile_npn: { message: 'Su NPN' },
      callReport_saved: { message: 'Informe guardado para la solicitud $1.' },
      npn_looks_like_ssn: { message: 'Parece un SSN' },
    });
    expect(t('profile.npn')).toBe('Su NPN');
    expect(t('callReport.saved', ['4567891230'])).toBe('Informe guardado para la solicitud 4567891230.');
    expect(tCode('npn', 'looks-like-ssn')).toBe('Parece un SSN');
  });
  it('falls back to the browser language for a key the chosen messages lack', () => {
    setChosenMessages({});
    expect(t('profile.npn')).toBe('Your NPN');
  });
});
