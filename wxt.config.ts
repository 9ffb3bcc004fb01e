import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { SENT_DATA } from './lib/shared/sent-data';
import { ENROLLMENT_SITE_MATCHES } from './lib/sites/hosts';
import { applyBranding, brandingFromEnv } from './tools/release/branding.mjs';

const nativeBrowserApi = (): Plugin => ({
  name: 'aor-guard:native-browser-api',
  enforce: 'pre',
  resolveId(id, importer) {
    if (id === 'wxt/browser' || id === '@wxt-dev/webextension-polyfill/browser')
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    return null;
  },
});

export default defineConfig({
  // No auto-imports: `browser` and WXT's helpers are imported by name, so the Biome rules on wxt/browser
  // (biome.json) see every file that calls browser APIs (tests/system/layers.test.ts).
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifestVersion: 3,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: a Registration Completion List is about a million rows (docs/PRIVACY.md).
    // scripting: the Help On Demand page script, registered only on the agency's site (lib/referrals/site.background.ts).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'contextMenus', 'scripting'],
    // Only the extension's own files run in its pages: no inline script, no eval, no plugins.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'",
    },
    // Send to agency and the Resume Link gateway ask for the endpoint's origin only, when the person sends.
    // No host_permissions: the content script's own matches let it run on the enrollment sites, and
    // nothing else reads or fetches them.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Opens the popup on its Call report tab.
    commands: {
      'open-call-report': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_support_shortcut__',
      },
      // Starts a Help On Demand referral's 15 minutes (lib/referrals/timer.background.ts).
      'new-referral': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_referrals_shortcut__',
      },
      'focus-banner': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_banner_shortcut__',
      },
    },
    // The picker, imported by the content script only when the agent asks (entrypoints/page-tools).
    web_accessible_resources: [
      { resources: ['page-tools.js', 'banner-ui.js'], matches: ENROLLMENT_SITE_MATCHES },
    ],
    options_ui: { page: 'dashboard.html', open_in_tab: true },
    browser_specific_settings: {
      gecko: {
        id: 'aor-guard@aorguard.app',
        strict_min_version: '140.0',
        // Nothing goes to the extension's authors, but the agency hub's sync, Send to agency and the
        // agency's Resume Link gateway send consumer data to the agency's own servers (docs/PRIVACY.md,
        // "When data leaves the machine"). Optional: the agent consents when allowing the agency's site
        // (lib/shared/data-consent.browser.ts); without it AOR Guard works and sends nothing.
        data_collection_permissions: { required: ['none'], optional: [...SENT_DATA] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The polyfill only adds promises that MV3 Chrome and Firefox already have; in the content script its
    // API table cost 1.5 kB gz of the 20 kB budget (tools/bundle-sizes.mjs). There `wxt/browser` (ours and
    // WXT's ContentScriptContext) is the browser's own API; the extension's pages and worker keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.type === 'content-script')) return;
      config.plugins = [...(config.plugins ?? []), nativeBrowserApi()];
    },
    // Agency branding (AOR_GUARD_* variables, docs/ADMIN.md): applied after WXT builds the manifest so the
    // manifest above stays the stock one and a bad variable fails the build with its name.
    'build:manifestGenerated': (wxt, manifest) => {
      const fallbackVersion = manifest.version_name ?? manifest.version;
      applyBranding(manifest, wxt.config.browser, brandingFromEnv(process.env, fallbackVersion));
      // Chrome validates agency policy against this schema (lib/policy/keys.ts); Firefox reads policies.json as is.
      if (wxt.config.browser === 'chrome') manifest.storage = { managed_schema: 'managed_schema.json' };
    },
  },
});
