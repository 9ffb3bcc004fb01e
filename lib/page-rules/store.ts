// The agent's taught rules in IndexedDB.
import { db } from '../storage/db';
import { type PageRule, pageRuleSchema } from './rule';

export async function listPageRules(): Promise<PageRule[]> {
  return (await db.pageRules.orderBy('createdAt').reverse().toArray()).filter(
    (r) => pageRuleSchema.safeParse(r).success,
  );
}

export async function addPageRule(rule: PageRule): Promise<void> {
  await db.pageRules.add(pageRuleSchema.parse(rule));
}
