// Taught rules as the background hands them out: the agent's own (lib/page-rules/store.ts) and the
// agency's (agency.ts) for the page that asks, saved for the page that taught them, and tried on an open tab for the dashboard.
import { browser } from 'wxt/browser';
import type { SenderPage } from '../sites/sender';
import { agencyRules } from './agency';
import type { TaughtValue } from './locate';
import { generalisePath, rulesFor } from './path';
import type { ActiveRule, PageRule, TaughtFact } from './rule';
import { addPageRule, listPageRules } from './store';
import type { TryPageRuleReply, TryRuleRequest } from './try';

/**
 * The agent's own rules first (their correction of what they see), then the agency's, from the policy the
 * caller read (lib/policy/ stands above page-rules/: its `siteRules` key is checked by agency.ts).
 */
export async function rulesForPage(page: SenderPage, policy: { siteRules?: string }): Promise<ActiveRule[]> {
  const own = await listPageRules().catch(() => []);
  return rulesFor(
    [...own.map((r) => ({ ...r, from: 'agent' as const })), ...agencyRules(policy).rules],
    page.site,
    page.path,
  );
}

/** Saves what the picker learnt, for the page the picker ran on (never one the message names). */
export async function savePickedRule(
  page: SenderPage,
  picked: { name: string; fact: TaughtFact; anchor: string; offset: number; occurrence: number },
  now = new Date(),
): Promise<{ name: string }> {
  const { name } = picked;
  const rule: PageRule = {
    id: crypto.randomUUID(),
    site: page.site,
    path: generalisePath(page.path),
    ...picked,
    createdAt: now.toISOString(),
  };
  await addPageRule(rule);
  return { name };
}

/** Asks the open enrollment tabs, the active ones first, what the rule reads on their page. */
export async function tryRuleOnTabs(rule: PageRule): Promise<TryPageRuleReply> {
  const tabs = await browser.tabs.query({});
  tabs.sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  let otherSite = false;
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    const request: TryRuleRequest = { type: 'try-page-rule', rule };
    const answer = (await browser.tabs.sendMessage(tab.id, request).catch(() => null)) as {
      site: string;
      value: TaughtValue | null;
    } | null;
    if (!answer) continue;
    if (answer.site !== rule.site) {
      otherSite = true;
      continue;
    }
    return answer.value === null
      ? { found: false, reason: 'not-found' }
      : { found: true, value: String(answer.value) };
  }
  return { found: false, reason: otherSite ? 'other-site' : 'no-tab' };
}
