// No consumer data in logs, errors or notifications beyond the application ID.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runReminders } from '../../lib/resume-links/reminders.background';
import { db } from '../../lib/storage/db';

const SHIPPED = ['lib', 'entrypoints', 'components', 'containers', 'hooks'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const shipped = SHIPPED.flatMap(sources).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** Lines of shipped code (comments aside) that match `pattern`. */
function linesMatching(pattern: RegExp) {
  return shipped.flatMap(({ path, text }) =>
    text
      .split('\n')
      .map((line, i) => ({ where: `${path}:${i + 1}`, line: line.trim() }))
      .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*') && pattern.test(line)),
  );
}

describe('privacy audit of the shipped code', () => {
  it('reads every shipped source file', () => {
    expect(shipped.length).toBeGreaterThan(50);
    expect(shipped.some((s) => s.path.endsWith('background.ts'))).toBe(true);
  });

  it('logs nothing: no console call anywhere (a page, its facts or a row would end up in the browser log)', () => {
    expect(linesMatching(/\bconsole\s*\.\s*\w+\s*\(/)).toEqual([]);
  });

  it('no error sent to an outside service: no reporting SDK, no sendBeacon, no fetch of our own errors', () => {
    // Global error handlers only: an IndexedDB request's own onerror (lib/npn/store.ts) reports to us.
    expect(
      linesMatching(
        /sendBeacon|Sentry|bugsnag|rollbar|(^|[^.\w]|window\.|self\.|globalThis\.)(onerror\s*=|addEventListener\('error')/i,
      ),
    ).toEqual([]);
  });

  it('creates notifications in known places only, so those are the ones to audit', () => {
    // The license one names the agent's own license (state and date), never a consumer.
    expect(linesMatching(/notifications\.create\(/).map((m) => m.where.split(':')[0])).toEqual([
      join('lib', 'shared', 'notify.browser.ts'),
    ]);
  });

  it('a reminder notification names the application ID and nothing else about the consumer', async () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const caseId = '7c1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';
    await db.invalidActionCases.put({
      id: caseId,
      applicationId: '4567891230',
      planYear: 2026,
      consumerName: 'Maria Lopez',
      state: 'TX',
      aorName: 'Other Agent',
      aorNpn: '87654321',
      site: 'healthsherpa',
      errorSeenAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      status: 'action-recommended',
      updatedAt: now.toISOString(),
    });
    await db.resumeLinks.put({
      id: '8d2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
      caseId,
      applicationId: '4567891230',
      planYear: 2026,
      channel: 'text',
      delivery: 'sms',
      recipient: '(•••) •••-0143',
      phoneKey: 'a'.repeat(64),
      language: 'en',
      sentAt: '2026-11-01T12:00:00.000Z',
      expiresAt: '2026-11-22T12:00:00.000Z',
      outcome: 'sent',
    });
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await runReminders(now);
    const shown = create.mock.calls.map((call) => call[1] as unknown as { title: string; message: string });
    expect(shown).toHaveLength(1);
    const text = `${shown[0]?.title} ${shown[0]?.message}`;
    expect(text).toContain('4567891230');
    for (const secret of ['Maria', 'Lopez', 'TX', 'Other Agent', '87654321', '0143', 'aaaa'])
      expect(text).not.toContain(secret);
  });
});
