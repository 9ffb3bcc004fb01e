// The audit log as admins read it: newest first, a page at a time (by id, so new rows do not shift pages),
// filtered by kind of change, by who and by date, and exported whole. Each entry names its actor and its
// record as a person knows them (an email, a device's name, an application id, a code's label), never
// by the ids and hashes the log keeps; the web app words the action (hub/web/audit-words.ts).

import type { AuditEntry, AuditFilter, AuditPage, AuditQuery } from '#lib/hub/contract/staff';
import { audit, type Queryable } from '../../db/audit';
import { type StaffSession, userActor } from './sessions';

export const AUDIT_EXPORT_MAX = 100_000;

interface Row {
  id: string;
  at: Date;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown> | null;
}

function whereOf(agencyId: string, f: AuditFilter & { before?: number }) {
  const params: unknown[] = [agencyId];
  const parts = ['agency_id = $1'];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    parts.push(sql(`$${params.length}`));
  };
  if (f.kind) add((n) => `split_part(action, '.', 1) = ${n}`, f.kind);
  if (f.actor) add((n) => `actor = ${n}`, f.actor);
  if (f.from) add((n) => `at >= ${n}`, f.from);
  if (f.to) add((n) => `at <= ${n}`, f.to);
  if (f.before) add((n) => `id < ${n}`, f.before);
  return { sql: parts.join(' and '), params };
}

export async function readAuditLog(db: Queryable, agencyId: string, q: AuditQuery): Promise<AuditPage> {
  const w = whereOf(agencyId, q);
  const { rows } = await db.query<Row>(
    `select id, at, actor, action, target, detail from audit_log where ${w.sql} order by id desc limit ${q.limit + 1}`,
    w.params,
  );
  const page = rows.slice(0, q.limit);
  return { entries: await named(db, agencyId, page), hasMore: rows.length > q.limit };
}

/** Every entry of a filter (newest first), for a CSV file; the export itself is audited. */
export async function exportAuditLog(
  db: Queryable,
  staff: StaffSession,
  f: AuditFilter,
): Promise<AuditEntry[]> {
  const w = whereOf(staff.agencyId, f);
  const { rows } = await db.query<Row>(
    `select id, at, actor, action, target, detail from audit_log where ${w.sql} order by id desc limit ${AUDIT_EXPORT_MAX}`,
    w.params,
  );
  const entries = await named(db, staff.agencyId, rows);
  await audit(db, {
    agencyId: staff.agencyId,
    actor: userActor(staff.userId),
    action: 'audit.export',
    target: `agency:${staff.agencyId}`,
    detail: { count: entries.length },
  });
  return entries;
}

/** Who and what each row names, looked up once per kind of record for the whole page. */
async function named(db: Queryable, agencyId: string, rows: Row[]): Promise<AuditEntry[]> {
  const ids = (prefix: string, of: (r: Row) => string) =>
    [...new Set(rows.map(of).filter((v) => v.startsWith(`${prefix}:`)))].map((v) =>
      v.slice(prefix.length + 1),
    );
  const refs = (prefix: string) => [
    ...new Set([...ids(prefix, (r) => r.actor), ...ids(prefix, (r) => r.target)]),
  ];
  const lookup = async (prefix: string, sql: string, values: string[]) => {
    if (!values.length) return new Map<string, string>();
    const { rows: found } = await db.query<{ id: string; name: string | null }>(sql, [agencyId, values]);
    // A record without a name (a code without a label) is '' : there, but unnamed.
    return new Map(found.map((f) => [`${prefix}:${f.id}`, f.name ?? '']));
  };
  const uuids = (values: string[]) => values.filter((v) => /^[0-9a-f-]{36}$/.test(v));
  const maps = await Promise.all([
    lookup(
      'user',
      'select id::text, email as name from users where agency_id = $1 and id = any($2::uuid[])',
      uuids(refs('user')),
    ),
    lookup(
      'device',
      'select id::text, name from devices where agency_id = $1 and id = any($2::uuid[])',
      uuids(refs('device')),
    ),
    lookup(
      'report',
      "select id, report->>'applicationId' as name from call_reports where agency_id = $1 and id = any($2::text[])",
      refs('report'),
    ),
    lookup(
      'case',
      'select id, application_id as name from cases where agency_id = $1 and id = any($2::text[])',
      refs('case'),
    ),
    lookup(
      'send',
      'select id, application_id as name from resume_link_sends where agency_id = $1 and id = any($2::text[])',
      refs('send'),
    ),
    lookup(
      'consent',
      'select id, application_id as name from consent_records where agency_id = $1 and id = any($2::text[])',
      refs('consent'),
    ),
    lookup(
      'gatewaySend',
      'select id::text, application_id as name from gateway_sends where agency_id = $1 and id = any($2::uuid[])',
      uuids(refs('gatewaySend')),
    ),
    lookup(
      'code',
      "select encode(code_hash, 'hex') as id, label as name from enrollment_codes where agency_id = $1 and encode(code_hash, 'hex') = any($2::text[])",
      refs('code'),
    ),
    lookup(
      'agency',
      'select id::text, name from agencies where id = $1 and id = any($2::uuid[])',
      uuids(refs('agency')),
    ),
  ]);
  const nameOf = (ref: string) => maps.find((m) => m.has(ref))?.get(ref) ?? null;
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    actor: r.actor,
    actorKind: r.actor.startsWith('user:') ? 'user' : r.actor.startsWith('device:') ? 'device' : 'system',
    actorName: nameOf(r.actor),
    action: r.action,
    target: r.target,
    targetName: nameOf(r.target),
    detail: r.detail ?? {},
  }));
}
