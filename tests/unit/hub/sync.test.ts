import { describe, expect, it } from 'vitest';
import { afterFailure, applyHubRedaction, applyHubStatus } from '../../../lib/hub/sync';
import { problem } from '../../../lib/shared/problem';
import { sample } from '../../support/call-report-sample';

const filed = {
  id: sample().id,
  status: 'filed-platform' as const,
  changedAt: '2026-12-01T09:00:00.000Z',
  changedBy: 'Pat',
};

describe('statuses from the hub', () => {
  it('move a report forward with an entry naming who set it in the hub', () => {
    const r = applyHubStatus(sample(), filed);
    expect(r.status).toBe('filed-platform');
    expect(r.filedPlatformAt).toBe(filed.changedAt);
    expect(r.history?.at(-1)).toEqual({
      at: filed.changedAt,
      by: 'Pat',
      action: 'status',
      status: 'filed-platform',
      via: 'agency-hub',
    });
  });

  it('never move a report back, and keep its own later change as its latest', () => {
    const resolved = sample({ status: 'resolved' });
    expect(applyHubStatus(resolved, filed)).toBe(resolved);
    const later = sample({ updatedAt: '2026-12-02T00:00:00.000Z' });
    expect(applyHubStatus(later, filed).updatedAt).toBe('2026-12-02T00:00:00.000Z');
  });
});

describe('summaries staff redacted in the hub', () => {
  const original = sample({ summary: 'Consumer Maria Lopez gave SSN 123-45-6789; the rep refused.' });
  const redaction = {
    id: original.id,
    summary: 'Consumer Maria Lopez gave SSN [SSN removed]; the rep refused.',
    updatedAt: original.updatedAt,
    redactedAt: '2026-12-01T09:00:00.000Z',
    redactedBy: 'sue@sunrise.example',
  };

  it('replace the summary of the same version, with an entry naming who removed the data there', () => {
    const r = applyHubRedaction(original, redaction);
    expect(r.summary).toBe(redaction.summary);
    expect(r.updatedAt).toBe(original.updatedAt);
    expect(r.history?.at(-1)).toEqual({
      at: redaction.redactedAt,
      by: 'sue@sunrise.example',
      action: 'edited',
      fields: ['summary'],
      via: 'agency-hub',
    });
    expect(applyHubRedaction(r, redaction)).toBe(r);
  });

  it('leave a copy the agent changed since as it is', () => {
    const edited = { ...original, updatedAt: '2026-12-02T00:00:00.000Z' };
    expect(applyHubRedaction(edited, redaction)).toBe(edited);
  });
});

describe('after a failure', () => {
  const now = new Date('2026-12-01T10:00:00.000Z');
  it('waits longer each time, or as long as the hub asks', () => {
    const once = afterFailure({}, { problem: problem('hub.down'), retry: true }, now, 'k');
    expect(once).toMatchObject({ failures: 1, nextTryAt: '2026-12-01T10:01:00.000Z' });
    const twice = afterFailure(once, { problem: problem('hub.down'), retry: true }, now, 'k');
    expect(twice.nextTryAt).toBe('2026-12-01T10:02:00.000Z');
    const asked = afterFailure(
      {},
      { problem: problem('hub.busy'), retry: true, retryAfterMs: 600_000 },
      now,
      'k',
    );
    expect(asked.nextTryAt).toBe('2026-12-01T10:10:00.000Z');
  });

  it('stops trying by itself when only people can fix it', () => {
    expect(afterFailure({}, { problem: problem('hub.badCode'), retry: false }, now, 'k')).toMatchObject({
      stoppedFor: 'k',
      nextTryAt: undefined,
    });
  });
});
