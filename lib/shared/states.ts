// US states + DC, and which of them enrol on HealthCare.gov each plan year (docs/DOMAIN.md).
export const STATES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
};

export const STATE_CODES = Object.keys(STATES);

/**
 * States on the federal platform, by plan year; later years repeat the newest known year. Built when
 * asked, so that a bundle reading state names only (the content script) does not carry it.
 */
function onHealthCareGovByYear(): Record<number, readonly string[]> {
  const y2025 =
    'AL AK AZ AR DE FL HI IL IN IA KS LA MI MS MO MT NE NH NC ND OH OK OR SC SD TN TX UT WV WI WY'.split(' ');
  const without = (list: readonly string[], code: string) => list.filter((c) => c !== code);
  const y2026 = without(y2025, 'IL');
  return { 2025: y2025, 2026: y2026, 2027: without(y2026, 'OR') };
}

export function isOnHealthCareGov(state: string, planYear: number): boolean {
  const byYear = onHealthCareGovByYear();
  const years = Object.keys(byYear).map(Number);
  const year = Math.min(Math.max(planYear, Math.min(...years)), Math.max(...years));
  return byYear[year]?.includes(state.toUpperCase()) ?? false;
}

/** A two-letter code from a code or a full state name; undefined when it is neither. */
export function toStateCode(text: string): string | undefined {
  const t = text.trim();
  const upper = t.toUpperCase();
  if (upper in STATES) return upper;
  const lower = t.toLowerCase();
  return STATE_CODES.find((code) => STATES[code]?.toLowerCase() === lower);
}
