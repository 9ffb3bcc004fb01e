// What an agency admin does to devices, as plain functions: the CLI (hub/src/main.ts) and the staff API call them.

import type pg from 'pg';
import type { EnrollmentCode, HubDevice, NewCode } from '#lib/hub/contract/staff';
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
  /** The agent's NPN: a device enrolled with this code is bound to it (and may claim no other). */
  agentNpn?: string;
  expiresAt?: Date;
  maxUses?: number;
}

const codeColumns = `encode(code_hash, 'hex') as id, label, agent_npn as "agentNpn", expires_at as "expiresAt", max_uses as "maxUses",
  uses, created_at as "createdAt", revoked_at as "revokedAt"`;

/** A new code; its text is returned here once and only its hash is kept. */
export async function createEnrollmentCode(
  db: Queryable,
  agencyId: string,
  options: EnrollmentCodeOptions,
  actor: string,
): Promise<NewCode<Date>> {
  const code = newEnrollmentCode();
  const { rows } = await db.query<EnrollmentCode<Date>>(
    `insert into enrollment_codes (agency_id, code_hash, label, agent_npn, expires_at, max_uses)
     values ($1, $2, $3, $4, $5, $6) returning ${codeColumns}`,
    [
      agencyId,
      secretHash(code),
      options.label ?? null,
      options.agentNpn ?? null,
      options.expiresAt ?? null,
      options.maxUses ?? null,
    ],
  );
  const info = rows[0] as EnrollmentCode<Date>;
  await audit(db, { agencyId, actor, action: 'enrollmentCode.created', target: `code:${info.id}` });
  return { ...info, code };
}

export async function listEnrollmentCodes(db: Queryable, agencyId: string): Promise<EnrollmentCode<Date>[]> {
  const { rows } = await db.query<EnrollmentCode<Date>>(
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

export async function listDevices(db: Queryable, agencyId: string): Promise<HubDevice<Date>[]> {
  const { rows } = await db.query<HubDevice<Date>>(
    `select id, name, agent_npn as "agentNpn", claimed_npn as "claimedNpn", created_at as "createdAt", last_seen_at as "lastSeenAt",
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

/**
 * An admin confirms the NPN a device declared: from then on statuses flow to it by that NPN, and the
 * reports, cases, sends and consent records it sent so far are filed under it. False when there is nothing to confirm.
 */
export async function confirmDeviceNpn(
  pool: pg.Pool,
  agencyId: string,
  deviceId: string,
  actor: string,
  now = new Date(),
): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ npn: string }>(
      `update devices set agent_npn = claimed_npn, claimed_npn = null
        where agency_id = $1 and id::text = $2 and claimed_npn is not null and revoked_at is null
        returning agent_npn as npn`,
      [agencyId, deviceId],
    );
    const npn = rows[0]?.npn;
    if (!npn) return false;
    for (const table of ['call_reports', 'cases', 'resume_link_sends', 'consent_records'])
      await client.query(
        `update ${table} set agent_npn = $3 where agency_id = $1 and device_id = $2 and agent_npn is null`,
        [agencyId, deviceId, npn],
      );
    await audit(
      client,
      { agencyId, actor, action: 'device.npnConfirmed', target: `device:${deviceId}`, detail: { npn } },
      now,
    );
    return true;
  });
}

export interface Enrolment {
  deviceId: string;
  token: string;
  agencyId: string;
  agencyName: string;
}

export type EnrolResult =
  | { ok: true; enrolment: Enrolment }
  | { ok: false; code: 'enroll.badCode' | 'enroll.npn' };

const sameNpn = (a: string, b: string) => a.replace(/^0+/, '') === b.replace(/^0+/, '');

/**
 * Spends one use of a live code on a new device. A code that names an NPN binds the device to it (a
 * device claiming another is refused); otherwise the NPN the device declares waits for an admin.
 */
export async function enrollDevice(
  pool: pg.Pool,
  input: { code: string; deviceName: string; agentNpn?: string },
  now: Date,
): Promise<EnrolResult> {
  return inTransaction(pool, async (client) => {
    const spent = await client.query<{ agencyId: string; agencyName: string; codeNpn: string | null }>(
      `update enrollment_codes c set uses = uses + 1
       from agencies a
       where c.code_hash = $1 and a.id = c.agency_id and c.revoked_at is null
         and (c.expires_at is null or c.expires_at > $2) and (c.max_uses is null or c.uses < c.max_uses)
       returning c.agency_id as "agencyId", a.name as "agencyName", c.agent_npn as "codeNpn"`,
      [secretHash(input.code), now],
    );
    const agency = spent.rows[0];
    if (!agency) return { ok: false, code: 'enroll.badCode' } as const;
    const { codeNpn, ...named } = agency;
    // Thrown, so the use just spent is rolled back with it.
    if (codeNpn && input.agentNpn && !sameNpn(codeNpn, input.agentNpn)) throw new NpnMismatch();
    const token = newToken();
    const { rows } = await client.query<{ id: string }>(
      `insert into devices (agency_id, name, agent_npn, claimed_npn, token_hash, created_at, last_seen_at)
       values ($1, $2, $3, $4, $5, $6, $6) returning id`,
      [
        agency.agencyId,
        input.deviceName,
        codeNpn,
        codeNpn ? null : (input.agentNpn ?? null),
        secretHash(token),
        now,
      ],
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
    return { ok: true, enrolment: { deviceId, token, ...named } } as const;
  }).catch((error: unknown) => {
    if (error instanceof NpnMismatch) return { ok: false, code: 'enroll.npn' } as const;
    throw error;
  });
}

class NpnMismatch extends Error {}
