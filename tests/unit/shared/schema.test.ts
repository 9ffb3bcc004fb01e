import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../lib/shared/schema';

describe('isoDate', () => {
  it.each(['2026-02-28', '1999-12-31', '2099-01-01'])('takes the calendar day %s', (day) => {
    expect(isoDate().safeParse(day).success).toBe(true);
  });
  it.each(['0000-01-01', '2026-02-30', '2026-13-01', '26-01-01', '2100-01-01', '2026-01-01T00:00:00Z'])(
    'refuses %s',
    (day) => {
      expect(isoDate().safeParse(day).success).toBe(false);
    },
  );
});
