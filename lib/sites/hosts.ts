// Where the content script runs. Kept apart from the adapters so wxt.config.ts can import it cheaply.
export const ENROLLMENT_SITE_MATCHES = [
  'https://*.healthsherpa.com/*',
  'https://www.healthcare.gov/*',
  'https://*.benefitalign.com/*',
];
