import { describe, expect, it } from 'vitest';
import type { SpokenLanguage } from '../../../lib/profile/marketplace';
import { messageLanguageFor } from '../../../lib/resume-links/language';

const lang = (code: SpokenLanguage['code'], speaking: SpokenLanguage['speaking']): SpokenLanguage => ({
  code,
  speaking,
  reading: speaking,
  writing: speaking,
});

describe('messageLanguageFor: the agent languages choose when the consumer language is unknown', () => {
  it('the consumer language, when known, wins', () => {
    expect(messageLanguageFor([lang('es', 'fluent')], 'en')).toBe('en');
  });
  it('Spanish for an agent who speaks Spanish best', () => {
    expect(messageLanguageFor([lang('en', 'basic'), lang('es', 'fluent')])).toBe('es');
    expect(messageLanguageFor([lang('vi', 'fluent'), lang('es', 'intermediate')])).toBe('es');
  });
  it('the first listed on a tie; English when neither is spoken or none is listed', () => {
    expect(messageLanguageFor([lang('es', 'fluent'), lang('en', 'fluent')])).toBe('es');
    expect(messageLanguageFor([lang('en', 'fluent'), lang('es', 'fluent')])).toBe('en');
    expect(messageLanguageFor([lang('zh', 'fluent')])).toBe('en');
    expect(messageLanguageFor([])).toBe('en');
  });
});
