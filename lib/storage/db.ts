// The extension's IndexedDB: every table and every version, in one place. Tables are typed with the
// features' record types, imported for types only so that storage/ stays under the features
// (tools/import-graph.mjs); what an upgrade does to rows is frozen in upgrades.ts.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AtRiskClient } from '../at-risk/list';
import type { QueuedSend } from '../call-reports/agency-send';
import type { FilingBatch } from '../call-reports/filing';
import type { CallReport } from '../call-reports/report';
import type { InvalidActionCase } from '../cases/case';
import type { ConsentRecord } from '../consent/record';
import type { ActiveList, ListBucket } from '../npn/buckets';
import type { Registration, Termination } from '../npn/registration-list';
import type { PageRule } from '../page-rules/rule';
import type { Referral } from '../referrals/referral';
import type { ResumeLinkSend } from '../resume-links/send';
import { moveToBuckets, reporterField } from './upgrades';

export const DB_NAME = 'aor-guard';

export interface ImportRecord {
  id: string;
  kind: 'at-risk' | 'rcl' | 'termination';
  fileName: string;
  importedAt: string;
  rows: number;
  added: number;
  errors: number;
  skipped?: number;
  /** NPN lists: running → active → replaced, or failed; rows of a list not active are removed. */
  state?: 'running' | 'active' | 'replaced' | 'failed';
}

export class AorGuardDb extends Dexie {
  callReports!: EntityTable<CallReport, 'id'>;
  invalidActionCases!: EntityTable<InvalidActionCase, 'id'>;
  atRiskClients!: EntityTable<AtRiskClient, 'federalExchangeId'>;
  imports!: EntityTable<ImportRecord, 'id'>;
  resumeLinks!: EntityTable<ResumeLinkSend, 'id'>;
  registrationBuckets!: Dexie.Table<ListBucket<Registration>, [string, string, number]>;
  terminationBuckets!: Dexie.Table<ListBucket<Termination>, [string, string, number]>;
  activeLists!: EntityTable<ActiveList, 'kind'>;
  agencySends!: EntityTable<QueuedSend, 'id'>;
  pageRules!: EntityTable<PageRule, 'id'>;
  filingBatches!: EntityTable<FilingBatch, 'id'>;
  referrals!: EntityTable<Referral, 'id'>;
  consentRecords!: EntityTable<ConsentRecord, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // A schema change is a new version; never edit a published one. tests/unit/storage/db-upgrade.test.ts
    // opens a database written by each earlier version.
    this.version(1).stores({
      callReports: 'id, calledAt, status, applicationId, state',
    });
    this.version(2).stores({
      invalidActionCases: 'id, &[applicationId+planYear], status, errorSeenAt',
      atRiskClients: 'federalExchangeId, firstSeenAt',
      imports: 'id, kind, importedAt',
    });
    this.version(3).stores({
      // Looked up by a prefix of the primary key: no second index to write a million times.
      registrations: '[listId+key+planYear]',
      terminations: '[listId+key+planYear+status]',
      activeLists: 'kind',
    });
    // Version 4: every Resume Link send.
    this.version(4).stores({
      resumeLinks: 'id, caseId, applicationId, sentAt, expiresAt, phoneKey',
    });
    // Version 5: call reports for support staff — every sortable column indexed, summary words, and
    // [filter+calledAt] pairs so a filtered page comes newest first straight from an index.
    this.version(5)
      .stores({
        callReports:
          'id, calledAt, status, applicationId, state, issueType, phone, reporter, *words, [status+calledAt], [state+calledAt], [issueType+calledAt]',
      })
      .upgrade((tx) =>
        tx
          .table('callReports')
          .toCollection()
          .modify((r: CallReport) => {
            Object.assign(r, reporterField(r));
          }),
      );
    // Version 6: NPN lists stored as buckets (ListBucket); the lists in use move over.
    this.version(6)
      .stores({
        registrations: null,
        terminations: null,
        // Bucket first: a lookup reads one key range of every list, in parallel with which list is in use.
        registrationBuckets: '[bucket+listId+seq], listId',
        terminationBuckets: '[bucket+listId+seq], listId',
      })
      .upgrade(async (tx) => {
        for (const { kind, importId } of await tx.table<ActiveList>('activeLists').toArray()) {
          await moveToBuckets(tx, kind, importId);
        }
      });
    // Version 7 (import speed): an import of 10,000 reports spent its time writing index entries,
    // a dozen a report for the summary's words alone. The words index is gone (search reads summaries),
    // and status, state and issue type sort by their [column+calledAt] pair. Older rows keep their `words`
    // field until next written: rewriting every row here would cost the upgrade more than it saves.
    // Phone has no index either: it is shown masked, rarely sorted by, and sorted in memory (INDEXED_SORTS in lib/call-reports/store.ts).
    // agencySends: `Send to agency` failures waiting for a retry (lib/call-reports/agency-outbox.background.ts).
    this.version(7).stores({
      callReports:
        'id, calledAt, applicationId, reporter, [status+calledAt], [state+calledAt], [issueType+calledAt]',
      agencySends: 'id, queuedAt',
    });
    // Version 8: the agent's taught page rules (lib/page-rules/store.ts); a few hundred at most, listed
    // newest first.
    this.version(8).stores({
      pageRules: 'id, createdAt',
    });
    // Version 9: emails handed to the person for filing and not yet confirmed as sent ("Awaiting
    // confirmation"): a report is marked filed only when the person says the email went out.
    this.version(9).stores({ filingBatches: 'id, startedAt' });
    // Version 10: Help On Demand referrals (lib/referrals/store.ts), listed newest first; the one whose
    // minutes run is found by its status.
    this.version(10).stores({ referrals: 'id, startedAt, status' });
    // Version 11: consent and application review records (lib/consent/record.ts), found by application
    // and plan year; a new scope is a new record, so the pair is not unique.
    this.version(11).stores({ consentRecords: 'id, [applicationId+planYear], updatedAt' });
  }
}

export const db = new AorGuardDb();

/** A table's row type, for a feature that keeps another's rows unread (a deleted case's sends, for Undo). */
export type RowOf<K extends keyof AorGuardDb> =
  AorGuardDb[K] extends Table<infer Row, infer _Key, infer _Insert> ? Row : never;

/** Rows read back are parsed again; the ones that no longer parse are counted, never shown as sound. */
export function readBack<T>(
  rows: unknown[],
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
) {
  const items: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) items.push(parsed.data as T);
  }
  return { items, unreadable: rows.length - items.length };
}
