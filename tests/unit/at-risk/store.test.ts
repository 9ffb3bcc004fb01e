import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtRiskImportError, parseAtRiskCsv } from '../../../lib/at-risk/list';
import { importAtRiskRows, listAtRiskClients } from '../../../lib/at-risk/store';
import { AorGuardDb } from '../../../lib/storage/db';

let db: AorGuardDb;
beforeEach(async () => {
  db = new AorGuardDb(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(() => db.delete());

describe('a refused at-risk file leaves the previous list intact', () => {
  it.each([
    ['other headers', 'Name,Email\r\nAnn,ann@example.com\r\n'],
    ['the Registration Completion List', 'NPN,Applicable Plan Year\r\n123,2026\r\n'],
    ['binary data', 'PK\u0003\u0004\u0000\u0000garbage'],
    ['an empty file', ''],
  ])('%s', async (_what, text) => {
    const good = await parseAtRiskCsv(
      'Federal Exchange ID,Client Details Page URL,Archived Status\n4567891230,,Active\n',
    );
    await importAtRiskRows(
      good.rows,
      { fileName: 'good.csv', errors: 0, now: new Date('2026-11-01T00:00:00Z') },
      db,
    );
    const before = await listAtRiskClients(db);
    // The dashboard imports only what parsed; a refusal never reaches the database.
    await expect(parseAtRiskCsv(text)).rejects.toBeInstanceOf(AtRiskImportError);
    expect(await listAtRiskClients(db)).toEqual(before);
    expect(await db.imports.count()).toBe(1);
  });
});
