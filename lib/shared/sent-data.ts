// What the agency's servers receive from AOR Guard (the hub's sync, Send to agency, the Resume Link
// gateway), in Mozilla's data-collection keys: Firefox's manifest declares them optional (wxt.config.ts)
// and the agent consents when allowing the agency's site (lib/shared/data-consent.browser.ts, docs/PRIVACY.md).
export const SENT_DATA = [
  'personallyIdentifyingInfo',
  'personalCommunications',
  'healthInfo',
  'websiteContent',
  'authenticationInfo',
] as const;
