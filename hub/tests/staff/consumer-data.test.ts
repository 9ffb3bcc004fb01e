// Consumer data in report summaries (lib/call-reports/pii.ts) in the hub: marks that would file flagged
// reports are refused until the person chooses (skip them, or mark them as they are), on a selection and
// on a whole filter; support staff remove findings in place, and a device's next copy does not bring the
// removed text back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBundle } from '../../../lib/call-reports/bundle';
import { reportConsumerData } from '../../../lib/call-reports/pii';
import type { CallReport } from '../../../lib/call-reports/report';
import { sample } from '../../../tests/support/call-report-sample';
import type { HubReport } from '../../src/staff/shapes';
import { startHub, type TestDevice, type TestHub } from '../support/hub';
import { errorCode, makeUser, type Staff, signedIn } from './staff';

let hub: TestHub;
let device: TestDevice;
let support: Staff;
let agent: Staff;
const id = (n: number) => `9a1d6f1e-6a43-4f6c-9b7e-${String(n).padStart(12, '0')}`;
const SSN_SUMMARY = 'Consumer Maria Lopez gave SSN 123-45-6789; the representative still refused.';
const ES_SUMMARY = 'La representante pidió la fecha de nacimiento (3 de marzo de 1970) y no hizo el cambio.';

const send = (reports: CallReport[]) =>
  device.call('/api/v1/reports', { body: makeBundle(reports, hub.now()) });
const row = async (reportId: string) =>
  (
    await hub.pool.query(
      'select report, status, version, summary_redacted_by from call_reports where id = $1',
      [reportId],
    )
  ).rows[0];
const auditOf = async (action: string) =>
  (await hub.pool.query('select target, detail from audit_log where action = $1 order by id', [action])).rows;

beforeAll(async () => {
  hub = await startHub();
  device = await hub.enroll('Sunrise Insurance Group', '12345678');
  await makeUser(hub, device.agencyId, 'sue@sunrise.example', 'support');
  await makeUser(hub, device.agencyId, 'otto@sunrise.example', 'agent', '12345678');
  support = await signedIn(hub, 'sue@sunrise.example');
  agent = await signedIn(hub, 'otto@sunrise.example');
});
afterAll(() => hub.close());

describe('a mark that would file reports with consumer data', () => {
  it('on a selection: refused with the count and which, then skipped or marked as they are, audited', async () => {
    await send([
      sample({ id: id(1), applicationId: '4567891231' }),
      sample({ id: id(2), applicationId: '4567891232', summary: SSN_SUMMARY }),
      sample({ id: id(3), applicationId: '4567891233', summary: ES_SUMMARY }),
    ]);
    const ids = [id(1), id(2), id(3)];
    const mark = (consumerData?: unknown) =>
      support.call('/reports/status', { body: { ids, status: 'filed-cms', consumerData } });

    const asked = await mark();
    expect(asked.status).toBe(409);
    const body = (await asked.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      code: 'reports.consumerData',
      count: 2,
      reports: [
        { id: id(2), applicationId: '4567891232' },
        { id: id(3), applicationId: '4567891233' },
      ],
    });
    expect(body.error.message).toMatch(/In 2 of these reports .*4567891232, 4567891233.*nothing was changed/);
    expect(await row(id(1))).toMatchObject({ status: 'ready' });
    // A choice made for another count than the hub flags now changes nothing either.
    expect((await mark({ action: 'mark', count: 1 })).status).toBe(409);
    expect((await mark({ action: 'maybe', count: 2 })).status).toBe(400);

    expect(await (await mark({ action: 'skip', count: 2 })).json()).toEqual({
      changed: [id(1)],
      unchanged: [],
      notFound: [],
      skipped: [id(2), id(3)],
    });
    expect((await row(id(2))).status).toBe('ready');

    expect(await (await mark({ action: 'mark', count: 2 })).json()).toEqual({
      changed: [id(2), id(3)],
      unchanged: [id(1)],
      notFound: [],
      skipped: [],
    });
    expect((await row(id(3))).status).toBe('filed-cms');
    const audited = await auditOf('report.status');
    expect(audited).toEqual([
      { target: `report:${id(1)}`, detail: { from: 'ready', to: 'filed-cms' } },
      { target: `report:${id(2)}`, detail: { from: 'ready', to: 'filed-cms', consumerData: 'acknowledged' } },
      { target: `report:${id(3)}`, detail: { from: 'ready', to: 'filed-cms', consumerData: 'acknowledged' } },
    ]);
    // Resolving files nothing: not asked.
    expect((await support.call('/reports/status', { body: { ids, status: 'resolved' } })).status).toBe(200);
  });

  it('on a whole filter: the same question, for the count of the whole filter, not the page', async () => {
    const many = Array.from({ length: 30 }, (_, n) =>
      sample({ id: id(100 + n), state: 'FL', ...(n % 10 === 0 && { summary: SSN_SUMMARY }) }),
    );
    await send(many);
    const mark = (consumerData?: unknown) =>
      support.call('/reports/status/filter', {
        body: { filter: { state: 'FL' }, status: 'filed-platform', count: 30, consumerData },
      });
    const asked = await mark();
    expect(asked.status).toBe(409);
    expect(await asked.json()).toMatchObject({ error: { code: 'reports.consumerData', count: 3 } });
    expect(await (await mark({ action: 'skip', count: 3 })).json()).toEqual({
      changed: 27,
      unchanged: 0,
      skipped: 3,
    });

    const statuses = async () =>
      (
        await hub.pool.query(
          "select status, count(*)::int as n from call_reports where report->>'state' = 'FL' group by status order by status",
        )
      ).rows;
    expect(await statuses()).toEqual([
      { status: 'filed-platform', n: 27 },
      { status: 'ready', n: 3 },
    ]);
    expect(await (await mark({ action: 'mark', count: 3 })).json()).toEqual({
      changed: 3,
      unchanged: 27,
      skipped: 0,
    });
    expect(await statuses()).toEqual([{ status: 'filed-platform', n: 30 }]);
    const acknowledged = (await auditOf('report.status')).filter((a) => a.detail.consumerData);
    expect(acknowledged).toHaveLength(5);
  });
});

describe('redaction in the hub', () => {
  const report = async (reportId: string) => {
    const res = await support.call('/reports?state=NY&limit=50');
    const { rows } = (await res.json()) as { rows: HubReport[] };
    const found = rows.find((r) => r.report.id === reportId);
    if (!found) throw new Error(`no report ${reportId}`);
    return found;
  };
  const redact = (reportId: string, body: unknown, as: Staff = support) =>
    as.call(`/reports/${reportId}/redact`, { body });

  it('removes one finding at a time, with the same function as the extension, audited by length only', async () => {
    const original = sample({ id: id(200), state: 'NY', applicationId: '4567891299', summary: SSN_SUMMARY });
    await send([original]);
    const seen = await report(id(200));
    const findings = reportConsumerData(seen.report, hub.now());
    expect(findings.map((f) => f.kind)).toEqual(['name', 'ssn']);
    const ssn = findings[1];
    if (!ssn) throw new Error('no SSN finding');

    const done = await redact(id(200), { version: seen.version, findings: [ssn] });
    expect(done.status).toBe(204);
    const after = await report(id(200));
    expect(after.report.summary).toBe(
      'Consumer Maria Lopez gave SSN [SSN removed]; the representative still refused.',
    );
    expect(after.version).toBe(seen.version + 1);
    expect(after.redacted).toEqual({ at: hub.now().toISOString(), by: 'sue@sunrise.example' });
    // The rest of the report is the device's as it sent it: history and updatedAt untouched.
    expect(after.report.updatedAt).toBe(original.updatedAt);
    expect(after.report.history).toEqual(original.history);
    const [entry] = await auditOf('report.redact');
    expect(entry).toEqual({
      target: `report:${id(200)}`,
      detail: {
        kinds: ['ssn'],
        before: SSN_SUMMARY.length,
        after: after.report.summary.length,
        version: seen.version + 1,
      },
    });
    expect(JSON.stringify(entry)).not.toContain('123-45-6789');

    // What the person saw is gone or moved: refused, nothing changes.
    const stale = await redact(id(200), { version: seen.version, findings: [findings[0]] });
    expect(stale.status).toBe(409);
    expect(await errorCode(stale)).toBe('report.changed');
    const moved = await redact(id(200), {
      version: after.version,
      findings: [{ kind: 'name', start: 0, end: 8 }],
    });
    expect(await errorCode(moved)).toBe('report.changed');
    expect((await report(id(200))).report.summary).toBe(after.report.summary);

    // Bad input names the field; agents cannot redact; another agency's id is not found.
    const bad = await redact(id(200), {
      version: after.version,
      findings: [{ kind: 'shoe', start: 0, end: 1 }],
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/findings\.0\.kind/);
    expect(await errorCode(await redact(id(200), { version: 1, findings: [] }))).toBe('request.invalid');
    expect(await errorCode(await redact('not-a-uuid', { version: 1, findings: [ssn] }))).toBe(
      'request.invalid',
    );
    expect(await errorCode(await redact(id(200), { version: after.version, findings: [ssn] }, agent))).toBe(
      'auth.role',
    );
    expect((await redact(id(999), { version: 1, findings: [ssn] })).status).toBe(404);

    // The name too: nothing left to flag.
    const name = reportConsumerData(after.report, hub.now())[0];
    expect(name?.kind).toBe('name');
    expect((await redact(id(200), { version: after.version, findings: [name] })).status).toBe(204);
    expect(reportConsumerData((await report(id(200))).report, hub.now())).toEqual([]);
  });

  it('keeps the staff redaction when the device sends the report again, the same version or a later one', async () => {
    const original = sample({
      id: id(300),
      state: 'NY',
      applicationId: '4567891300',
      summary: SSN_SUMMARY,
      history: [{ at: '2026-11-20T15:40:00.000Z', by: 'Sam Agent', action: 'edited', fields: ['issueType'] }],
    });
    await send([original]);
    const seen = await report(id(300));
    const ssn = reportConsumerData(seen.report, hub.now()).find((f) => f.kind === 'ssn');
    expect((await redact(id(300), { version: seen.version, findings: [ssn] })).status).toBe(204);
    const redacted = (await report(id(300))).report.summary;

    // The same version again (a sync that sends everything): unchanged, the redaction stays.
    const again = await send([original]);
    expect(await again.json()).toMatchObject({ unchanged: 1 });
    expect((await row(id(300))).report.summary).toBe(redacted);

    // A later version (the agent changed the issue type and marked it ready): taken, but not its text.
    const later: CallReport = {
      ...original,
      issueType: 'misinformation',
      updatedAt: '2026-11-21T09:00:00.000Z',
      history: [
        ...(original.history ?? []),
        { at: '2026-11-21T09:00:00.000Z', by: 'Sam Agent', action: 'edited', fields: ['issueType'] },
      ],
    };
    expect(await (await send([later])).json()).toMatchObject({ updated: 1 });
    const stored = await row(id(300));
    expect(stored.report.issueType).toBe('misinformation');
    expect(stored.report.summary).toBe(redacted);
    expect(stored.report.conflicts).toBeUndefined();
    expect(JSON.stringify(stored.report)).not.toContain('123-45-6789');
    expect(stored.summary_redacted_by).toBe('sue@sunrise.example');
    // Each time the hub kept its summary over the device's text is on record, by length.
    expect(await auditOf('report.redactionKept')).toEqual([
      { target: `report:${id(300)}`, detail: { sent: SSN_SUMMARY.length, kept: redacted.length } },
      { target: `report:${id(300)}`, detail: { sent: SSN_SUMMARY.length, kept: redacted.length } },
    ]);

    // The device hears of it with the statuses, for its copy of the version the hub holds.
    const pulled = (await (await device.call('/api/v1/reports/statuses')).json()) as {
      redactions: { id: string; summary: string; updatedAt: string; redactedBy: string }[];
    };
    expect(pulled.redactions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: id(300),
          summary: redacted,
          updatedAt: later.updatedAt,
          redactedBy: 'sue@sunrise.example',
        }),
      ]),
    );

    // Filed afterwards in the extension, the device's filed copy still merges (what was filed: the hub's text).
    const filed: CallReport = {
      ...later,
      status: 'filed-cms',
      filedCmsAt: '2026-11-21T09:30:00.000Z',
      updatedAt: '2026-11-21T09:30:00.000Z',
      history: [
        ...(later.history ?? []),
        { at: '2026-11-21T09:30:00.000Z', by: 'Sam Agent', action: 'status', status: 'filed-cms' },
      ],
    };
    expect(await (await send([filed])).json()).toMatchObject({ updated: 1, conflicts: 0 });
    expect((await row(id(300))).report.summary).toBe(redacted);
  });
});
