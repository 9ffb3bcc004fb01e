// Resume Link sends from devices: what was sent, when and how it went — never the address or number
// (lib/hub/contract/device.ts's sendSchema drops them).

import type pg from 'pg';
import type { SendRecord } from '#lib/hub/contract/device';
import type { AuthedDevice } from '../device/auth';
import { type UpsertCounts, type UpsertTable, upsertAndAudit } from './upsert';

const SENDS: UpsertTable = {
  table: 'resume_link_sends',
  columns: {
    case_id: "x->>'caseId'",
    application_id: "x->>'applicationId'",
    outcome: "x->>'outcome'",
    sent_at: "(x->>'sentAt')::timestamptz",
    send: 'x',
    received_at: '$4',
  },
  update: `send = excluded.send, outcome = excluded.outcome, sent_at = excluded.sent_at,
    received_at = excluded.received_at`,
  record: 'send',
  auditKind: 'resumeLinkSend',
  auditTarget: 'send',
};

export const ingestSends = (
  pool: pg.Pool,
  device: AuthedDevice,
  sends: SendRecord[],
  now: Date,
): Promise<UpsertCounts> => upsertAndAudit(pool, SENDS, device, sends, now);
