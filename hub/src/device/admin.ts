// What an agency admin does to devices, as plain functions: the CLI (hub/src/main.ts) and the staff API call them.

import type pg from 'pg';
import { audit, type Queryable } from '../db/audit';
import { inTransaction } from '../db/transaction';
import { newEnrollmentCode, newToken, secretHash } from './tokens';

export interface Agency {
  id: string;
  name: string;
}

export async function createAgency(db: pg.Pool, name: string, actor = 'system'): Promise<Agency> {
  return inTransaction(db, async (client) => {
    const { rows } = await client.query<Agency>(
      'insert into agencies (name) values ($1) returning id, name',
      [name],
    );
    const agency = rows[0] as Agency;
    await audit(client, {
      agencyId: agency.id,
      actor,
      action: 'agency.created',
      target: `agency:${agency.id}`,
    });
    return agency;
  });
}

export interface EnrollmentCodeOptions {
  label?: string;
  expiresAt?: Date;
  maxUses?: number;
}

export interface EnrollmentCodeInfo {
  /** Hex SHA-256 of the code: how the code is named once its text is gone. */
  id: string;
  label: string | null;
  expiresAt: Date | null;
  maxUses: number | null;
  uses: number;
  createdAt: Date;
  revokedAt: Date | null;
}

const codeColumns = `encode(code_hash, 'hex') as id, label, expires_at as "expiresAt", max_uses as "maxUses",
  uses, created_at as "createdAt", revoked_at as "revokedAt"`;

/** A new code; its text is returned here once and only its hash is kept. */
export async function createEnrollmentCode(
  db: Queryable,
  agencyId: string,
  options: EnrollmentCodeOptions,
  actor: string,
): Promise<EnrollmentCodeInfo & { code: string }> {
  const code = newEnrollmentCode();
  const { rows } = await db.query<EnrollmentCodeInfo>(
    `insert into enrollment_codes (agency_id, code_hash, label, expires_at, max_uses)
     values ($1, $2, $3, $4, $5) returning ${codeColumns}`,
    [agencyId, secretHash(code), options.label ?? null, options.expiresAt ?? null, options.maxUses ?? null],
  );
  const info = rows[0] as EnrollmentCodeInfo;
  await audit(db, { agencyId, actor, action: 'enrollmentCode.created', target: `code:${info.id}` });
  return { ...info, code };
}

export async function listEnrollmentCodes(db: Queryable, agencyId: string): Promise<EnrollmentCodeInfo[]> {
  const { rows } = await db.query<EnrollmentCodeInfo>(
    `select ${codeColumns} from enrollment_codes where agency_id = $1 order by created_at desc`,
    [agencyId],
  );
  return rows;
}

export async function revokeEnrollmentCode(
  db: Queryable,
  agencyId: string,
  id: string,
  actor: string,
  now = new Date(),
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update enrollment_codes set revoked_at = $3
     where agency_id = $1 and code_hash = decode($2, 'hex') and revoked_at is null`,
    [agencyId, /^[0-9a-f]{64}$/.test(id) ? id : '', now],
  );
  if (!rowCount) return false;
  await audit(db, { agencyId, actor, action: 'enrollmentCode.revoked', target: `code:${id}` }, now);
  return true;
}

export interface DeviceInfo {
  id: string;
  name: string;
  agentNpn: string | null;
  createdAt: Date;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
}

export async function listDevices(db: Queryable, agencyId: string): Promise<DeviceInfo[]> {
  const { rows } = await db.query<DeviceInfo>(
    `select id, name, agent_npn as "agentNpn", created_at as "createdAt", last_seen_at as "lastSeenAt",
       revoked_at as "revokedAt"
     from devices where agency_id = $1 order by created_at desc`,
    [agencyId],
  );
  return rows;
}

/** A revoked device's token is refused from its next request on. */
export async function revokeDevice(
  db: Queryable,
  agencyId: string,
  deviceId: string,
  actor: string,
  now = new Date(),
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update devices set revoked_at = $3
     where agency_id = $1 and id::text = $2 and revoked_at is null`,
    [agencyId, deviceId, now],
  );
  if (!rowCount) return false;
  await audit(db, { agencyId, actor, action: 'device.revoked', target: `device:${deviceId}` }, now);
  return true;
}

export interface Enrolment {
  deviceId: string;
  token: string;
  agencyId: string;
  agencyName: string;
}

/** Spends one use of a live code on a new device; undefined when the code is unknown, expired, used up or revoked. */
export async function enrollDevice(
  pool: pg.Pool,
  input: { code: string; deviceName: string; agentNpn?: string },
  now: Date,
): Promise<Enrolment | undefined> {
  return inTransaction(pool, async (client) => {
    const spent = await client.query<{ agencyId: string; agencyName: string }>(
      `update enrollment_codes c set uses = uses + 1
       from agencies a
       where c.code_hash = $1 and a.id = c.agency_id and c.revoked_at is null
         and (c.expires_at is null or c.expires_at > $2) and (c.max_uses is null or c.uses < c.max_uses)
       returning c.agency_id as "agencyId", a.name as "agencyName"`,
      [secretHash(input.code), now],
    );
    const agency = spent.rows[0];
    if (!agency) return undefined;
    const token = newToken();
    const { rows } = await client.query<{ id: string }>(
      `insert into devices (agency_id, name, agent_npn, token_hash, created_at, last_seen_at)
       values ($1, $2, $3, $4, $5, $5) returning id`,
      [agency.agencyId, input.deviceName, input.agentNpn ?? null, secretHash(token), now],
    );
    const deviceId = (rows[0] as { id: string }).id;
    await audit(
      client,
      {
        agencyId: agency.agencyId,
        actor: `device:${deviceId}`,
        action: 'device.enrolled',
        target: `device:${deviceId}`,
      },
      now,
    );
    return { deviceId, token, ...agency };
  });
}
