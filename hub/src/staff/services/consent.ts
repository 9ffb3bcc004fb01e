// Consent across the agency (src/ingest/consent.ts): the applications agents acted on (a call report, a
// Resume Link send, an Invalid Action case) with no consent on record, and the consent index exported for
// an audit. Consent on record: a record with a consent date, not revoked (lib/consent/record.ts), for the
// same application and plan year; a call report names no plan year, so any plan year's consent covers it.
import type { ConsentRecord } from '#lib/consent/record';
import type {
  HubConsentRecord,
  MissingConsent,
  MissingConsentPage,
  MissingConsentQuery,
} from '#lib/hub/contract/staff';
import { audit, type Queryable } from '../../db/audit';
import { type StaffSession, userActor } from './sessions';

export const CONSENT_EXPORT_MAX = 100_000;

/** The session's agency, and an agent user's own NPN: $1 and (for an agent) $2. */
const scope = (staff: StaffSession, alias: string) =>
  staff.role === 'agent' ? `${alias}.agency_id = $1 and ${alias}.agent_npn = $2` : `${alias}.agency_id = $1`;
const scopeParams = (staff: StaffSession) =>
  staff.role === 'agent' ? [staff.agencyId, staff.agentNpn ?? ''] : [staff.agencyId];

/** Every action on an application, one row each; plan_year null where the record names none. */
const activity = (staff: StaffSession) => `
  select r.report->>'applicationId' as application_id, null::int as plan_year, 'report' as kind,
         (r.report->>'calledAt')::timestamptz as at, r.agent_npn, r.device_id
    from call_reports r where ${scope(staff, 'r')}
  union all
  select s.application_id, (s.send->>'planYear')::int, 'send', s.sent_at, s.agent_npn, s.device_id
    from resume_link_sends s where ${scope(staff, 's')}
  union all
  select c.application_id, c.plan_year, 'case', (c."case"->>'lastSeenAt')::timestamptz, c.agent_npn, c.device_id
    from cases c where ${scope(staff, 'c')}`;

/** Actions with no consent on record anywhere in the agency (whoever recorded it), per application and plan year. */
const missing = (staff: StaffSession) => `
  with activity as (${activity(staff)})
  select a.application_id, a.plan_year,
         count(*) filter (where a.kind = 'report') as reports,
         count(*) filter (where a.kind = 'send') as sends,
         count(*) filter (where a.kind = 'case') as cases,
         max(a.at) as last_at,
         array_remove(array_agg(distinct a.agent_npn), null) as agents,
         array_remove(array_agg(distinct d.name), null) as devices
    from activity a left join devices d on d.id = a.device_id and d.agency_id = $1
   where not exists (
     select 1 from consent_records k
      where k.agency_id = $1 and k.application_id = a.application_id
        and (a.plan_year is null or k.plan_year = a.plan_year)
        and k.consent_date is not null and k.revoked_date is null)
   group by a.application_id, a.plan_year`;

/** One page of applications without consent, most recent action first, with how many there are. */
export async function listMissingConsent(
  db: Queryable,
  staff: StaffSession,
  q: MissingConsentQuery,
): Promise<MissingConsentPage> {
  const params = scopeParams(staff);
  const { rows } = await db.query<{
    application_id: string;
    plan_year: number | null;
    reports: string;
    sends: string;
    cases: string;
    last_at: Date;
    agents: string[];
    devices: string[];
  }>(
    `${missing(staff)} order by last_at desc, application_id, plan_year nulls first
     limit ${q.limit} offset ${q.offset}`,
    params,
  );
  const { rows: count } = await db.query<{ n: string }>(
    `select count(*) as n from (${missing(staff)}) m`,
    params,
  );
  const total = Number(count[0]?.n ?? 0);
  return {
    applications: rows.map(
      (r): MissingConsent => ({
        applicationId: r.application_id,
        planYear: r.plan_year,
        reports: Number(r.reports),
        sends: Number(r.sends),
        cases: Number(r.cases),
        lastActionAt: r.last_at.toISOString(),
        agentNpns: r.agents,
        deviceNames: r.devices,
      }),
    ),
    total,
    hasMore: q.offset + rows.length < total,
  };
}

/** The agency's consent index for a CSV or JSON file (support and admins); the export is audited. */
export async function exportConsentIndex(
  db: Queryable,
  staff: StaffSession,
  format: 'csv' | 'json',
): Promise<HubConsentRecord[]> {
  const { rows } = await db.query<{
    record: ConsentRecord;
    agent_npn: string | null;
    name: string | null;
    received_at: Date;
  }>(
    `select k.record, k.agent_npn, d.name, k.received_at from consent_records k
       left join devices d on d.id = k.device_id and d.agency_id = k.agency_id
      where k.agency_id = $1
      order by k.application_id, k.plan_year, k.record->>'recordedAt', k.id limit ${CONSENT_EXPORT_MAX}`,
    [staff.agencyId],
  );
  await audit(db, {
    agencyId: staff.agencyId,
    actor: userActor(staff.userId),
    action: 'consent.export',
    target: 'consent',
    detail: { format, count: rows.length },
  });
  return rows.map(
    (r): HubConsentRecord => ({
      record: r.record,
      agentNpn: r.agent_npn,
      deviceName: r.name,
      receivedAt: r.received_at.toISOString(),
    }),
  );
}
