// Reaching the call report form from anywhere: a context menu on selected text in enrollment
// pages and a keyboard shortcut that opens the popup on its Call report tab. A thin wrapper over the
// browser APIs, installed by the background.

import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { openDashboardTab } from '../dashboard/open.background';
import { sectionShown } from '../dashboard/sections';
import { pageFactsReplySchema } from '../messages';
import { readPolicy, watchPolicy } from '../policy/managed.background';
import { ENROLLMENT_SITE_MATCHES } from '../sites/hosts';
import { popupTabHintItem } from '../storage/settings';

export const MENU_ID = 'log-call-report';
export const OPEN_CALL_REPORT_COMMAND = 'open-call-report';

/** The application ID in a selection: its digits, when they are an application ID's length. */
export function applicationIdFromSelection(text: string | undefined): string | undefined {
  const digits = (text ?? '').replace(/\D/g, '');
  return /^\d{5,20}$/.test(digits) ? digits : undefined;
}

/** Whether the agency's policy leaves call reports on screen: hidden, no menu item, no shortcut. */
async function callReportsShown(): Promise<boolean> {
  return sectionShown('call-reports', (await readPolicy()).policy);
}

export function installCallReportShortcuts(): void {
  // One sync at a time: two overlapping would each remove, then both create the same id.
  let syncing: Promise<void> = Promise.resolve();
  const syncMenu = () => {
    syncing = syncing.then(async () => {
      await browser.contextMenus.remove(MENU_ID).catch(() => {});
      if (!(await callReportsShown())) return;
      browser.contextMenus.create({
        id: MENU_ID,
        // %s is the selection; the ID itself is read from its digits when the item is chosen.
        title: i18n.t('support.contextMenu'),
        contexts: ['selection'],
        documentUrlPatterns: ENROLLMENT_SITE_MATCHES,
      });
    });
    return syncing;
  };
  browser.runtime.onInstalled.addListener(syncMenu);
  browser.runtime.onStartup.addListener(syncMenu);
  watchPolicy(syncMenu);

  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    let state: string | undefined;
    let pageId: string | undefined;
    if (tab?.id !== undefined) {
      // The page's own reading (state, application ID), validated like any message.
      const raw = await browser.tabs.sendMessage(tab.id, { type: 'get-page-facts' }).catch(() => null);
      const facts = pageFactsReplySchema.safeParse(raw);
      if (facts.success && facts.data) {
        state = facts.data.state;
        pageId = facts.data.applicationId;
      }
    }
    const applicationId = applicationIdFromSelection(info.selectionText) ?? pageId;
    // A hidden section does not open (lib/dashboard/open.background.ts), whatever menu is left.
    await openDashboardTab('call-reports', { applicationId, state });
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== OPEN_CALL_REPORT_COMMAND || !(await callReportsShown())) return;
    await popupTabHintItem.setValue('call-report');
    // openPopup needs a user gesture; a keyboard command is one. Where it is refused, the dashboard's
    // form is the same form.
    await browser.action.openPopup().catch(() => openDashboardTab('call-reports'));
  });
}
