// Consent records from devices (lib/consent/record.ts, the shape the extension stores): the later change
// of a record wins. What is kept is where the proof lives, never the proof (docs/PRIVACY.md).

import type pg from 'pg';
import type { ConsentRecord } from '#lib/consent/record';
import type { AuthedDevice } from '../device/auth';
import { type UpsertCounts, type UpsertTable, upsertAndAudit } from './upsert';

const CONSENT: UpsertTable = {
  table: 'consent_records',
  columns: {
    application_id: "x->>'applicationId'",
    plan_year: "(x->>'planYear')::int",
    consent_date: "x->>'consentDate'",
    review_date: "x->>'reviewDate'",
    revoked_date: "x->>'revokedDate'",
    record: 'x',
    received_at: '$4',
    updated_at: '$4',
  },
  update: `record = excluded.record, agent_npn = coalesce(s.agent_npn, excluded.agent_npn),
    application_id = excluded.application_id, plan_year = excluded.plan_year,
    consent_date = excluded.consent_date, review_date = excluded.review_date,
    revoked_date = excluded.revoked_date, updated_at = excluded.updated_at`,
  record: 'record',
  newer: `excluded.record->>'updatedAt' >= s.record->>'updatedAt'`,
  auditKind: 'consent',
  auditTarget: 'consent',
};

export const ingestConsent = (
  pool: pg.Pool,
  device: AuthedDevice,
  records: ConsentRecord[],
  now: Date,
): Promise<UpsertCounts> => upsertAndAudit(pool, CONSENT, device, records, now);
