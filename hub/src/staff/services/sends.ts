// Resume Link sends across the agency's agents, as the extensions synced them (src/ingest/sends.ts): what
// went out, how and how it went — never an address or number, which the hub does not hold.

import type { HubSend, SendPage, SendQuery } from '#lib/hub/contract/staff';
import type { CHANNELS, DELIVERIES } from '#lib/resume-links/send';
import type { Queryable } from '../../db/audit';
import type { StaffSession } from './sessions';

interface Row {
  send: {
    id: string;
    applicationId: string;
    planYear?: number;
    channel: (typeof CHANNELS)[number];
    delivery?: (typeof DELIVERIES)[number];
    language: 'en' | 'es';
    sentAt: string;
    expiresAt?: string;
    outcome: 'sent' | 'failed';
    failureReason?: string;
  };
  agent_npn: string | null;
  name: string | null;
}

/** One page of sends, newest first, with how many the filter holds; an agent user sees their NPN's only. */
export async function listSends(db: Queryable, staff: StaffSession, q: SendQuery): Promise<SendPage> {
  const params: unknown[] = [staff.agencyId];
  const parts = ['s.agency_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (staff.role === 'agent') add('s.agent_npn = ?', staff.agentNpn ?? '');
  if (q.outcome) add('s.outcome = ?', q.outcome);
  const where = parts.join(' and ');
  const { rows } = await db.query<Row>(
    `select s.send, s.agent_npn, d.name from resume_link_sends s
       left join devices d on d.id = s.device_id and d.agency_id = s.agency_id
      where ${where} order by s.sent_at desc, s.id limit ${q.limit} offset ${q.offset}`,
    params,
  );
  const { rows: count } = await db.query<{ n: number }>(
    `select count(*) as n from resume_link_sends s where ${where}`,
    params,
  );
  const total = Number(count[0]?.n ?? 0);
  return {
    sends: rows.map(
      (r): HubSend => ({
        id: r.send.id,
        applicationId: r.send.applicationId,
        planYear: r.send.planYear ?? null,
        channel: r.send.channel,
        delivery: r.send.delivery ?? null,
        language: r.send.language,
        sentAt: r.send.sentAt,
        expiresAt: r.send.expiresAt ?? null,
        outcome: r.send.outcome,
        failureReason: r.send.failureReason ?? null,
        agentNpn: r.agent_npn,
        deviceName: r.name,
      }),
    ),
    total,
    hasMore: q.offset + rows.length < total,
  };
}
