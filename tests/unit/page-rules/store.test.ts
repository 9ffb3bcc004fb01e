import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RULES, type PageRule } from '../../../lib/page-rules/rule';
import {
  addPageRule,
  deletePageRule,
  exportPageRules,
  importPageRules,
  listPageRules,
  renamePageRule,
} from '../../../lib/page-rules/store';
import { type Problem, ProblemError } from '../../../lib/shared/problem';
import { AorGuardDb } from '../../../lib/storage/db';
import { setChosenMessages, tProblem } from '../../../words/i18n';
import { pageRule } from '../../support/page-rule-sample';

let db: AorGuardDb;
beforeEach(async () => {
  db = new AorGuardDb(`rules-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => {
  setChosenMessages(null);
  return db.delete();
});

const file = (rules: unknown[]) => ({ format: 'aor-guard-page-rules', version: 1, rules });

/** What the store refused with: a Problem the locales word (errors.pageRules.*). */
async function refusal(p: Promise<unknown>): Promise<Problem> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProblemError);
  return (err as ProblemError).problem;
}

describe('page rules store', () => {
  it('lists newest first, renames, deletes', async () => {
    await addPageRule(pageRule({ id: 'old', createdAt: '2026-11-01T10:00:00.000Z' }), db);
    await addPageRule(pageRule({ id: 'new', createdAt: '2026-11-02T10:00:00.000Z' }), db);
    expect((await listPageRules(db)).map((r) => r.id)).toEqual(['new', 'old']);
    await renamePageRule('old', '  Coverage on Sherpa  ', db);
    expect((await listPageRules(db)).find((r) => r.id === 'old')?.name).toBe('Coverage on Sherpa');
    await deletePageRule('new', db);
    expect((await listPageRules(db)).map((r) => r.id)).toEqual(['old']);
  });

  it('refuses an invalid rule, an empty or long name, and a rule that is gone', async () => {
    const bad = await refusal(addPageRule({ ...pageRule(), fact: 'verdict' } as unknown as PageRule, db));
    expect(bad.code).toBe('pageRules.invalidRule');
    expect(bad.params?.[0]).toBe('fact');
    expect(tProblem(bad)).toMatch(/^The rule is not valid \(fact: .+\)\.$/);
    await addPageRule(pageRule({ id: 'a' }), db);
    const name = await refusal(renamePageRule('a', '   ', db));
    expect(tProblem(name)).toBe('A rule name is 1 to 80 characters.');
    expect((await refusal(renamePageRule('a', 'x'.repeat(81), db))).code).toBe('pageRules.invalidName');
    const gone = await refusal(renamePageRule('gone', 'Name', db));
    expect(tProblem(gone)).toBe('This rule no longer exists.');
    expect((await listPageRules(db))[0]?.name).toBe(pageRule().name);
  });

  it(`keeps at most ${MAX_RULES} rules`, async () => {
    await importPageRules(file(Array.from({ length: MAX_RULES }, (_, i) => pageRule({ id: `r-${i}` }))), db);
    const err = await refusal(addPageRule(pageRule({ id: 'one-more' }), db));
    expect(tProblem(err)).toMatch(`at most ${MAX_RULES} page rules; this would make ${MAX_RULES + 1}.`);
    setChosenMessages(generateChromeMessages(await parseMessagesFile('locales/es.yml')), 'es-US');
    expect(tProblem(err)).toMatch(`como máximo ${MAX_RULES} reglas de página; así serían ${MAX_RULES + 1}.`);
    // Replacing a kept rule is not one more.
    await addPageRule(pageRule({ id: 'r-0', name: 'Taught again' }), db);
    expect(await db.pageRules.count()).toBe(MAX_RULES);
  });

  it('exports a file that imports back, replacing rules by id', async () => {
    await addPageRule(pageRule({ id: 'a' }), db);
    await addPageRule(pageRule({ id: 'b', fact: 'hasActiveCoverage' }), db);
    const exported = await exportPageRules(db);
    expect(exported).toMatchObject({ format: 'aor-guard-page-rules', version: 1 });
    await deletePageRule('b', db);
    await renamePageRule('a', 'Renamed', db);
    expect(await importPageRules(JSON.parse(JSON.stringify(exported)), db)).toEqual({
      added: 1,
      replaced: 1,
    });
    expect(await exportPageRules(db)).toEqual(exported);
  });

  it.each([
    ['not a rules file', { format: 'something-else', version: 1, rules: [] }, /^format$/],
    ['a newer version', { format: 'aor-guard-page-rules', version: 2, rules: [] }, /^version$/],
    [
      'a rule for an unknown site',
      file([pageRule({ id: 'x' }), { ...pageRule(), site: 'myspace' }]),
      /^rules\.1\.site$/,
    ],
    [
      'a page pattern that is a full address',
      file([{ ...pageRule(), path: 'https://evil.example/' }]),
      /^rules\.0\.path$/,
    ],
    [
      'too many rules',
      file(Array.from({ length: MAX_RULES + 1 }, (_, i) => pageRule({ id: `r${i}` }))),
      /^rules$/,
    ],
    ['no object at all', 'rules', /whole file/],
  ])('refuses %s, naming where, and changes nothing', async (_name, bad, where) => {
    await addPageRule(pageRule({ id: 'kept' }), db);
    const before = await exportPageRules(db);
    const err = await refusal(importPageRules(bad, db));
    expect(err.code).toBe('pageRules.invalidFile');
    expect(String(err.params?.[0])).toMatch(where);
    expect(tProblem(err)).toMatch(/^This is not an AOR Guard page rules file.*Nothing was changed\.$/);
    expect(await exportPageRules(db)).toEqual(before);
  });

  it('refuses a file that would go past the limit, whole', async () => {
    await addPageRule(pageRule({ id: 'kept' }), db);
    const full = file(Array.from({ length: MAX_RULES }, (_, i) => pageRule({ id: `r${i}` })));
    expect((await refusal(importPageRules(full, db))).code).toBe('pageRules.tooMany');
    expect((await listPageRules(db)).map((r) => r.id)).toEqual(['kept']);
  });
});
