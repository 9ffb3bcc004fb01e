// Consent records from devices: validated with the extension's own schema, upserted whole or not at all,
// audited, and kept inside the device's agency and to the device (or its bound agent) that holds them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrollmentCode } from '../../src/device/admin';
import { consentBody, consentRecord } from '../support/consent';
import { startHub, type TestDevice, type TestHub } from '../support/hub';

let hub: TestHub;
let device: TestDevice;
beforeAll(async () => {
  hub = await startHub();
  device = await hub.enroll('Sunrise Insurance Group', '12345678');
});
afterAll(() => hub.close());

const id = (n: number) => `3f0c2a9e-1b2c-4d5e-8f90-${String(n).padStart(12, '0')}`;
const post = (d: TestDevice, records: unknown[]) =>
  d.call('/api/v1/consent-records', { body: consentBody(records) });
const stored = async (agencyId: string, ids: string[]) =>
  (
    await hub.pool.query(
      `select id, consent_date, revoked_date, record, device_id from consent_records
        where agency_id = $1 and id = any($2) order by id`,
      [agencyId, ids],
    )
  ).rows;

describe('consent records from a device', () => {
  it('adds, leaves an identical or older copy unchanged, takes a later one, and audits each change', async () => {
    const first = consentRecord({ id: id(1) });
    expect(await (await post(device, [first])).json()).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      refused: 0,
    });
    expect(await (await post(device, [first])).json()).toMatchObject({ unchanged: 1 });
    const revoked = { ...first, revokedDate: '2026-11-20', updatedAt: '2026-11-20T10:00:00.000Z' };
    expect(await (await post(device, [revoked])).json()).toMatchObject({ updated: 1 });
    expect(await (await post(device, [first])).json()).toMatchObject({ unchanged: 1 });
    const [row] = await stored(device.agencyId, [id(1)]);
    expect(row).toMatchObject({
      consent_date: '2026-11-02',
      revoked_date: '2026-11-20',
      record: revoked,
      device_id: device.deviceId,
    });
    const audit = await hub.pool.query(
      'select action, actor from audit_log where agency_id = $1 and target = $2 order by id',
      [device.agencyId, `consent:${id(1)}`],
    );
    expect(audit.rows).toEqual([
      { action: 'consent.added', actor: `device:${device.deviceId}` },
      { action: 'consent.updated', actor: `device:${device.deviceId}` },
    ]);
  });

  it('refuses the whole body when one record is bad, naming the record and field, storing nothing', async () => {
    for (const [bad, field] of [
      [{ scopes: [] }, 'records.1.scopes'],
      [{ scopes: ['everything'] }, 'records.1.scopes.0'],
      [{ method: 'telepathy' }, 'records.1.method'],
      [{ consentDate: '2026-02-30' }, 'records.1.consentDate'],
      [{ reviewDate: '3 Nov 2026' }, 'records.1.reviewDate'],
      [{ proofReference: '' }, 'records.1.proofReference'],
      [{ applicationId: '45-67' }, 'records.1.applicationId'],
      [{ planYear: 1999 }, 'records.1.planYear'],
    ] as [Record<string, unknown>, string][]) {
      const res = await post(device, [
        consentRecord({ id: id(10) }),
        { ...consentRecord({ id: id(11) }), ...bad },
      ]);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: { code: 'consent.invalid', message: `Invalid field: ${field}`, field },
      });
    }
    const wrongFormat = await device.call('/api/v1/consent-records', {
      body: { format: 'aor-guard/cases', version: 1, records: [] },
    });
    expect(await wrongFormat.json()).toMatchObject({ error: { field: 'format' } });
    expect(await stored(device.agencyId, [id(10), id(11)])).toEqual([]);
  });

  it('refuses a NUL in the proof reference, naming the field', async () => {
    const res = await post(device, [consentRecord({ id: id(12), proofReference: 'Library\u0000 row 4' })]);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'request.unstorableText', field: 'records.0.proofReference' },
    });
    expect(await stored(device.agencyId, [id(12)])).toEqual([]);
  });

  it('lets only the device that holds a record, or its bound agent, change it', async () => {
    const record = consentRecord({ id: id(20) });
    await post(device, [record]);
    const sameAgent = await hub.enrollWith(
      (await createCode(device.agencyId, '12345678')).code,
      device.agencyId,
      '12345678',
    );
    const other = await hub.enrollWith((await createCode(device.agencyId)).code, device.agencyId);
    const later = { ...record, proofReference: 'Agency DMS 7731', updatedAt: '2026-11-21T09:00:00.000Z' };
    expect(await (await post(other, [later])).json()).toMatchObject({ refused: 1, updated: 0 });
    expect(await (await post(sameAgent, [later])).json()).toMatchObject({ updated: 1 });
    const [row] = await stored(device.agencyId, [id(20)]);
    expect(row.record.proofReference).toBe('Agency DMS 7731');
    expect(row.device_id).toBe(device.deviceId);
  });

  it('keeps the same record id from two agencies as two rows', async () => {
    const elsewhere = await hub.enroll('Second Agency', '12345678');
    const record = consentRecord({ id: id(30) });
    await post(device, [record]);
    const rewritten = {
      ...record,
      proofReference: 'Second Agency files',
      updatedAt: '2026-11-22T09:00:00.000Z',
    };
    expect(await (await post(elsewhere, [rewritten])).json()).toMatchObject({ added: 1 });
    expect((await stored(device.agencyId, [id(30)]))[0].record.proofReference).toBe(record.proofReference);
    expect((await stored(elsewhere.agencyId, [id(30)]))[0].record.proofReference).toBe('Second Agency files');
  });

  it('logs counts, never the record', () => {
    const text = hub.logLines.join('\n');
    expect(text).toContain('"event":"consent.ingested"');
    expect(text).not.toContain('HealthSherpa Consent Library');
    expect(text).not.toContain('4567891230');
  });
});

const createCode = (agencyId: string, agentNpn?: string) =>
  createEnrollmentCode(hub.pool, agencyId, { label: 'second browser', agentNpn }, 'system');
