import { afterEach, describe, expect, it } from 'vitest';
import { rulesForPage } from '../../../lib/page-rules/rules.browser';
import { addPageRule, deletePageRule } from '../../../lib/page-rules/store';
import type { SenderPage } from '../../../lib/sites/sender';
import { AorGuardDb, db } from '../../../lib/storage/db';
import { pageRule } from '../../support/page-rule-sample';

const page: SenderPage = { tabId: 1, site: 'healthsherpa', path: '/agents/a/clients/1' };
const names = async () => (await rulesForPage(page, {})).map((r) => r.name).sort();

afterEach(() => db.pageRules.clear());

describe('the rules the worker hands a page, kept in memory', () => {
  it('follow every change to the table: added, deleted, cleared', async () => {
    expect(await names()).toEqual([]);
    await addPageRule(pageRule({ name: 'First' }));
    expect(await names()).toEqual(['First']);
    await addPageRule(pageRule({ id: crypto.randomUUID(), name: 'Second' }));
    expect(await names()).toEqual(['First', 'Second']);
    await deletePageRule(pageRule().id);
    expect(await names()).toEqual(['Second']);
    await db.pageRules.clear();
    expect(await names()).toEqual([]);
  });

  it('follow a change made through another connection to the database (a dashboard page)', async () => {
    expect(await names()).toEqual([]);
    const other = new AorGuardDb(db.name);
    await other.pageRules.add(pageRule({ name: 'From the dashboard' }));
    other.close();
    expect(await names()).toEqual(['From the dashboard']);
  });
});
