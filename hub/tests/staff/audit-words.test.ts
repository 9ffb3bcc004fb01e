import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/staff/shapes';
import { auditWords } from '../../web/audit-words';
import { setHubLang } from '../../web/messages';

const entry = (e: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2026-11-21T10:00:00.000Z',
  actor: 'system',
  actorKind: 'system',
  actorName: null,
  action: 'agency.created',
  target: 'agency:a',
  targetName: 'Sunrise Insurance Group',
  detail: {},
  ...e,
});
const status = (s: string) => ({ 'filed-cms': 'Filed with CMS help desk' })[s] ?? s;

afterEach(() => setHubLang('en'));

describe('an audit entry in words', () => {
  it.each([
    [
      entry({
        actorKind: 'user',
        actorName: 'sue@sunrise.example',
        action: 'report.status',
        target: 'report:r1',
        targetName: '4567891231',
        detail: { from: 'ready', to: 'filed-cms' },
      }),
      {
        who: 'sue@sunrise.example',
        what: 'Moved a call report to “Filed with CMS help desk”',
        record: 'Call report, application 4567891231',
      },
    ],
    [
      entry({
        actorKind: 'device',
        actorName: 'Chrome on LAPTOP-7',
        action: 'device.enrolled',
        target: 'device:d',
        targetName: 'Chrome on LAPTOP-7',
      }),
      {
        who: 'Device “Chrome on LAPTOP-7”',
        what: 'Enrolled this device',
        record: 'Device “Chrome on LAPTOP-7”',
      },
    ],
    [
      entry({ action: 'retention.run', detail: { reports: 3, sends: 1 } }),
      {
        who: 'The hub itself',
        what: 'Deleted 3 resolved call reports and 1 old Resume Link sends (retention rule)',
        record: 'Agency Sunrise Insurance Group',
      },
    ],
    [
      entry({
        actorKind: 'user',
        actorName: null,
        action: 'enrollmentCode.created',
        target: 'code:ab',
        targetName: '',
      }),
      { who: 'A removed account', what: 'Created an enrolment code', record: 'Enrolment code “Unnamed”' },
    ],
    [
      entry({ action: 'report.added', target: 'report:gone', targetName: null }),
      {
        who: 'The hub itself',
        what: 'Sent a new call report',
        record: 'Call report, application — (Deleted since)',
      },
    ],
    [
      entry({
        actorKind: 'user',
        actorName: 'sue@sunrise.example',
        action: 'report.status',
        target: 'report:r1',
        targetName: '4567891231',
        detail: { from: 'ready', to: 'filed-cms', consumerData: 'acknowledged' },
      }),
      {
        who: 'sue@sunrise.example',
        what: 'Moved a call report to “Filed with CMS help desk”, confirming it as it is with consumer data in the summary',
        record: 'Call report, application 4567891231',
      },
    ],
    [
      entry({
        actorKind: 'user',
        actorName: 'sue@sunrise.example',
        action: 'report.redact',
        target: 'report:r1',
        targetName: '4567891231',
        detail: { kinds: ['ssn'], before: 77, after: 80, version: 2 },
      }),
      {
        who: 'sue@sunrise.example',
        what: 'Removed consumer data from a call report’s summary (77 → 80 characters)',
        record: 'Call report, application 4567891231',
      },
    ],
    [
      entry({ action: 'future.thing', target: 'widget:1', targetName: null }),
      { who: 'The hub itself', what: 'future.thing', record: 'widget:1' },
    ],
  ])('words entry %#', (e, words) => {
    expect(auditWords(e, status)).toEqual(words);
  });

  it('speaks Spanish when the page does', () => {
    setHubLang('es');
    expect(
      auditWords(entry({ action: 'session.start', actorKind: 'user', actorName: 'ana@x.example' }), status),
    ).toEqual({
      who: 'ana@x.example',
      what: 'Inició sesión',
      record: 'Agencia Sunrise Insurance Group',
    });
    expect(
      auditWords(entry({ action: 'report.redact', detail: { before: 77, after: 80 } }), status).what,
    ).toBe('Quitó datos del consumidor del resumen de un informe de llamada (77 → 80 caracteres)');
  });
});
