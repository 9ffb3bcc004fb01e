// The agent's taught page rules in IndexedDB. Every rule written is parsed first (a rule supplies a fact
// to the verdict), and an import is checked whole before one row is written: all or nothing. Refusals
// are ProblemErrors the locales word (errors.pageRules.* in locales/*.yml).
import { ProblemError, problem } from '../shared/problem';
import { type AorGuardDb, db, readBack } from '../storage/db';
import { explainStorageError } from '../storage/errors';
import {
  firstIssue,
  MAX_RULES,
  type PageRule,
  type PageRulesFile,
  pageRuleSchema,
  pageRulesFileSchema,
} from './rule';

/** Newest first; a stored row that no longer parses is left out, never applied. */
export async function listPageRules(database: AorGuardDb = db): Promise<PageRule[]> {
  const rows = await database.pageRules.orderBy('createdAt').reverse().toArray();
  return readBack<PageRule>(rows, pageRuleSchema).items;
}

const tooMany = (count: number) => new ProblemError(problem('pageRules.tooMany', MAX_RULES, count));

export async function addPageRule(rule: PageRule, database: AorGuardDb = db): Promise<void> {
  const parsed = pageRuleSchema.safeParse(rule);
  if (!parsed.success) {
    const { path, reason } = firstIssue(parsed.error);
    throw new ProblemError(problem('pageRules.invalidRule', path, reason));
  }
  await database
    .transaction('rw', database.pageRules, async () => {
      const count = await database.pageRules.count();
      const replacing = (await database.pageRules.get(parsed.data.id)) !== undefined;
      if (!replacing && count >= MAX_RULES) throw tooMany(count + 1);
      await database.pageRules.put(parsed.data);
    })
    .catch((err) => {
      throw explainStorageError(err);
    });
}

export async function renamePageRule(id: string, name: string, database: AorGuardDb = db): Promise<void> {
  const parsed = pageRuleSchema.shape.name.safeParse(name.trim());
  if (!parsed.success) throw new ProblemError(problem('pageRules.invalidName'));
  const changed = await database.pageRules.update(id, { name: parsed.data });
  if (!changed) throw new ProblemError(problem('pageRules.notFound'));
}

export async function deletePageRule(id: string, database: AorGuardDb = db): Promise<void> {
  await database.pageRules.delete(id);
}

/**
 * Adds a rules file's rules; a rule with the id of one already kept replaces it (the same rule, taught
 * again or renamed elsewhere). A file that does not parse, or would take the list past MAX_RULES,
 * changes nothing.
 */
export async function importPageRules(
  file: unknown,
  database: AorGuardDb = db,
): Promise<{ added: number; replaced: number }> {
  const parsed = pageRulesFileSchema.safeParse(file);
  if (!parsed.success) {
    const { path, reason } = firstIssue(parsed.error);
    throw new ProblemError(problem('pageRules.invalidFile', path, reason));
  }
  // The last of a repeated id wins, as it would writing them in order.
  const rules = [...new Map(parsed.data.rules.map((r) => [r.id, r])).values()];
  return database
    .transaction('rw', database.pageRules, async () => {
      const existing = new Set(
        (await database.pageRules.bulkGet(rules.map((r) => r.id))).flatMap((r) => (r ? [r.id] : [])),
      );
      const added = rules.length - existing.size;
      const count = (await database.pageRules.count()) + added;
      if (count > MAX_RULES) throw tooMany(count);
      await database.pageRules.bulkPut(rules);
      return { added, replaced: existing.size };
    })
    .catch((err) => {
      throw explainStorageError(err);
    });
}

export async function exportPageRules(database: AorGuardDb = db): Promise<PageRulesFile> {
  return { format: 'aor-guard-page-rules', version: 1, rules: await listPageRules(database) };
}
