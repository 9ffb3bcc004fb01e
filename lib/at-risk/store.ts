// The imported AOR at-risk list in IndexedDB, by Federal Exchange ID.

import { type AorGuardDb, db, type ImportRecord, readBack } from '../storage/db';
import { explainStorageError } from '../storage/errors';
import { type AtRiskClient, type AtRiskRow, atRiskClientSchema, mergeAtRisk } from './list';

/** All rows in one transaction: an import lands whole or not at all. */
export async function importAtRiskRows(
  rows: AtRiskRow[],
  meta: { fileName: string; errors: number; now: Date },
  database: AorGuardDb = db,
): Promise<ImportRecord> {
  const written = database.transaction('rw', database.atRiskClients, database.imports, async () => {
    const existing = await database.atRiskClients.bulkGet(rows.map((r) => r.federalExchangeId));
    const merged = rows.map((row, i) => atRiskClientSchema.parse(mergeAtRisk(existing[i], row, meta.now)));
    await database.atRiskClients.bulkPut(merged);
    const record: ImportRecord = {
      id: crypto.randomUUID(),
      kind: 'at-risk',
      fileName: meta.fileName.slice(0, 300),
      importedAt: meta.now.toISOString(),
      rows: rows.length,
      added: existing.filter((e) => e === undefined).length,
      errors: meta.errors,
    };
    await database.imports.add(record);
    return record;
  });
  return written.catch((err) => {
    throw explainStorageError(err);
  });
}

export async function listAtRiskClients(database: AorGuardDb = db) {
  const { items, unreadable } = readBack<AtRiskClient>(
    await database.atRiskClients.orderBy('firstSeenAt').reverse().toArray(),
    atRiskClientSchema,
  );
  return { clients: items, unreadable };
}

export async function findAtRiskClient(federalExchangeId: string, database: AorGuardDb = db) {
  const row = await database.atRiskClients.get(federalExchangeId);
  const parsed = atRiskClientSchema.safeParse(row);
  return parsed.success ? parsed.data : undefined;
}
