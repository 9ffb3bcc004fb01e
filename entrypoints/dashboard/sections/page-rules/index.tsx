import { browser } from 'wxt/browser';
import { PageRulesView } from '../../../../components/page-rules/PageRulesView';
import { useLiveQuery } from '../../../../hooks/use-live-query';
import { type TryPageRuleReply, tryPageRuleReplySchema } from '../../../../lib/messages';
import { agencyRules } from '../../../../lib/page-rules/agency';
import type { PageRule } from '../../../../lib/page-rules/rule';
import {
  addPageRule,
  deletePageRule,
  exportPageRules,
  importPageRules,
  listPageRules,
  renamePageRule,
} from '../../../../lib/page-rules/store';
import { ProblemError, problem } from '../../../../lib/shared/problem';
import type { DashboardSectionDefinition, SectionProps } from '../section';

async function readJson(file: File): Promise<unknown> {
  const text = await file.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError(problem('pageRules.notJson'));
  }
}

/** The background applies the rule to the active tab; an answer that does not parse is no answer. */
async function tryOnCurrentTab(rule: PageRule): Promise<TryPageRuleReply | undefined> {
  const reply: unknown = await browser.runtime.sendMessage({ type: 'try-page-rule', rule });
  const parsed = tryPageRuleReplySchema.safeParse(reply);
  return parsed.success ? parsed.data : undefined;
}

function PageRulesSection({ agency }: SectionProps) {
  const rules = useLiveQuery(() => listPageRules());
  if (!rules) return null;
  return (
    <PageRulesView
      rules={rules}
      agency={agency ? agencyRules(agency.parsed.policy) : { rules: [], invalid: [] }}
      onRename={renamePageRule}
      onDelete={(rule) => deletePageRule(rule.id)}
      onUndoDelete={addPageRule}
      onImport={async (file) => importPageRules(await readJson(file))}
      onExport={exportPageRules}
      onTry={tryOnCurrentTab}
    />
  );
}

export const pageRulesSection: DashboardSectionDefinition = {
  id: 'page-rules',
  labelKey: 'pageRules.tab',
  component: PageRulesSection,
};
