import { describe, expect, it } from 'vitest';
import { checkEndpoint, postBundle } from '../../../lib/call-reports/agency-send';
import { BUNDLE_VERSION, makeBundle, mergeReport, parseBundle } from '../../../lib/call-reports/bundle';
import { CSV_COLUMNS, callReportCsvParts, callReportsToCsv } from '../../../lib/call-reports/csv';
import { formatFilingEmail, MAILTO_MAX } from '../../../lib/call-reports/filing';
import { type CallReport, callReportSchema, isFiled } from '../../../lib/call-reports/report';
import { selectExpired } from '../../../lib/call-reports/retention';
import { correct, moveTo, nextStatuses, resolveConflict } from '../../../lib/call-reports/workflow';
import { toCsv } from '../../../lib/shared/csv';
import { csvWords } from '../../../words/call-report-words';
import { tProblem } from '../../../words/i18n';
import { sample } from '../../support/call-report-sample';

const actor = (iso: string, by = 'Pat Support (NPN 999)') => ({ by, now: new Date(iso) });

describe('status workflow', () => {
  it('moves forward with a dated history entry, never back', () => {
    const filed = moveTo(sample(), 'filed-cms', actor('2026-11-21T10:00:00.000Z'));
    expect(filed.status).toBe('filed-cms');
    expect(filed.filedCmsAt).toBe('2026-11-21T10:00:00.000Z');
    expect(filed.history).toEqual([
      { at: '2026-11-21T10:00:00.000Z', by: 'Pat Support (NPN 999)', action: 'status', status: 'filed-cms' },
    ]);
    expect(moveTo(filed, 'ready', actor('2026-11-22T10:00:00.000Z'))).toBe(filed);
    expect(nextStatuses(filed)).toEqual(['filed-platform', 'resolved']);
  });

  it('edits in place until filed; after filing corrections are appended', () => {
    const edited = correct(
      sample(),
      { summary: 'A better summary of the call.' },
      actor('2026-11-21T10:00:00.000Z'),
    );
    expect(edited.summary).toBe('A better summary of the call.');
    expect(edited.history?.[0]).toMatchObject({ action: 'edited', fields: ['summary'] });
    const filed = moveTo(edited, 'filed-cms', actor('2026-11-21T11:00:00.000Z'));
    expect(isFiled(filed)).toBe(true);
    const corrected = correct(
      filed,
      { summary: 'The call was on Tuesday.' },
      actor('2026-11-21T12:00:00.000Z'),
    );
    expect(corrected.summary).toBe('A better summary of the call.');
    expect(corrected.corrections).toEqual([
      { at: '2026-11-21T12:00:00.000Z', by: 'Pat Support (NPN 999)', text: 'The call was on Tuesday.' },
    ]);
  });
});

describe('bundle', () => {
  const now = new Date('2026-11-22T00:00:00.000Z');
  it('round-trips through JSON and is schema-versioned', () => {
    const bundle = makeBundle([sample()], now, 'Sam Agent');
    expect(bundle.schemaVersion).toBe(BUNDLE_VERSION);
    const parsed = parseBundle(JSON.stringify(bundle));
    expect(parsed).toEqual({ ok: true, bundle });
  });
  it.each([
    ['not JSON', '{nope', /not JSON/],
    ['another file', JSON.stringify({ format: 'x', schemaVersion: 1 }), /not a call report bundle/],
    [
      'a newer schema',
      JSON.stringify({ ...makeBundle([], now), schemaVersion: 2 }),
      /newer version of AOR Guard/,
    ],
    [
      'a bad report',
      JSON.stringify(makeBundle([{ ...sample(), phone: '=HYPERLINK()' }], now)),
      /damaged \(field reports\.0\.phone\)/,
    ],
  ])('refuses %s with a message', (_name, text, message) => {
    const parsed = parseBundle(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(tProblem(parsed.problem)).toMatch(message);
  });
});

describe('merge by id', () => {
  const a = sample();
  it('adds a new report; a duplicate changes nothing', () => {
    expect(mergeReport(undefined, a).outcome).toBe('added');
    expect(mergeReport(a, { ...a })).toEqual({ outcome: 'unchanged', report: a });
  });
  it('takes a later version whose history continues ours; ignores an older one', () => {
    const later = moveTo(a, 'filed-cms', actor('2026-11-21T10:00:00.000Z'));
    expect(mergeReport(a, later)).toEqual({ outcome: 'updated', report: later });
    expect(mergeReport(later, a)).toEqual({ outcome: 'unchanged', report: later });
  });
  it('keeps both versions of a conflicting edit and flags it; importing it again changes nothing', () => {
    const mine = correct(
      a,
      { summary: 'My version of what happened.' },
      actor('2026-11-21T10:00:00.000Z', 'A'),
    );
    const theirs = correct(
      a,
      { summary: 'Their version of what happened.' },
      actor('2026-11-21T10:05:00.000Z', 'B'),
    );
    const merged = mergeReport(mine, theirs);
    expect(merged.outcome).toBe('conflict');
    expect(merged.report.summary).toBe('My version of what happened.');
    expect(merged.report.conflicts).toEqual([theirs]);
    expect(mergeReport(merged.report, theirs)).toEqual({ outcome: 'unchanged', report: merged.report });
  });

  it('never lets a later version rewrite what a filed report says: it is flagged, ours stays', () => {
    const filed = moveTo(a, 'filed-cms', actor('2026-11-21T10:00:00.000Z'));
    const corrected = correct(filed, { summary: 'The rep hung up.' }, actor('2026-11-21T11:00:00.000Z'));
    const by = actor('2026-11-22T10:00:00.000Z', 'Someone');
    const rewrites: [string, CallReport][] = [
      ['summary', { ...moveTo(filed, 'resolved', by), summary: 'Nothing went wrong on this call.' }],
      ['issue type', { ...moveTo(filed, 'resolved', by), issueType: 'misinformation' }],
      ['application', { ...moveTo(filed, 'resolved', by), applicationId: '1111111111' }],
    ];
    for (const [what, theirs] of rewrites) {
      const merged = mergeReport(filed, theirs);
      expect(merged.outcome, what).toBe('conflict');
      expect(merged.report.summary).toBe(filed.summary);
      expect(merged.report.conflicts).toEqual([theirs]);
    }
    const dropsCorrection = { ...moveTo(corrected, 'resolved', by), corrections: [] };
    expect(mergeReport(corrected, dropsCorrection).outcome).toBe('conflict');
    // Moving on and correcting are what a filed report's later versions do.
    const later = correct(moveTo(corrected, 'resolved', by), { summary: 'And again.' }, by);
    expect(mergeReport(filed, later)).toEqual({ outcome: 'updated', report: later });
  });

  describe('resolving a conflict', () => {
    const mine = correct(
      a,
      { summary: 'My version of what happened.' },
      actor('2026-11-21T10:00:00.000Z', 'A'),
    );
    const theirs = correct(
      a,
      { summary: 'Their version of what happened.' },
      actor('2026-11-21T10:05:00.000Z', 'B'),
    );
    const flagged = mergeReport(mine, theirs).report;
    const by = actor('2026-11-22T09:00:00.000Z', 'Pat Support');

    it('keeps the imported version; ours is set aside and the choice is in the history', () => {
      const resolved = resolveConflict(flagged, 0, by);
      expect(resolved.summary).toBe('Their version of what happened.');
      expect(resolved.conflicts).toBeUndefined();
      expect(resolved.superseded).toEqual([mine]);
      expect(resolved.history?.at(-1)).toEqual({
        at: '2026-11-22T09:00:00.000Z',
        by: 'Pat Support',
        action: 'edited',
        fields: ['conflict'],
      });
      expect(callReportSchema.safeParse(resolved).success).toBe(true);
      // The other side, importing the resolved report, takes it: its history continues theirs.
      expect(mergeReport(theirs, resolved).outcome).toBe('updated');
    });

    it('keeps the current version; importing the rival again does not flag it again', () => {
      const resolved = resolveConflict(flagged, 'current', by);
      expect(resolved.summary).toBe('My version of what happened.');
      expect(resolved.conflicts).toBeUndefined();
      expect(resolved.superseded).toEqual([theirs]);
      expect(mergeReport(resolved, theirs)).toEqual({ outcome: 'unchanged', report: resolved });
    });

    it('changes nothing without a conflict or with an unknown choice', () => {
      expect(resolveConflict(mine, 'current', by)).toBe(mine);
      expect(resolveConflict(flagged, 3, by)).toBe(flagged);
    });
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 with CRLF, header first, and neutralises formulas', () => {
    const csv = toCsv(
      [
        { a: '=1+2', b: '+SUM(A1)', c: '-3' },
        { a: '@cmd', b: '\tx', c: '\rx' },
        { a: 'line one\nline two', b: 'say "hi"', c: 'plain' },
        { a: '=evil\nsecond line', b: 12, c: undefined },
      ],
      [
        { key: 'a', header: 'A' },
        { key: 'b', header: 'B' },
        { key: 'c', header: 'C' },
      ],
    );
    expect(csv.split('\r\n')[0]).toBe('A,B,C');
    expect(csv).toBe(
      [
        'A,B,C',
        `"'=1+2","'+SUM(A1)","'-3"`,
        `"'@cmd","'\tx","'\rx"`,
        '"line one\nline two","say ""hi""",plain',
        `"'=evil\nsecond line",12,`,
      ].join('\r\n'),
    );
  });

  it('written in pieces, the file is the one written whole: one header, every row, formulas inert', () => {
    const words = csvWords('America/New_York');
    const reports = Array.from({ length: 5 }, (_, i) =>
      sample({ id: `r${i}`, summary: i === 3 ? '=HYPERLINK("x")\nsecond line' : `Report number ${i}.` }),
    );
    const whole = callReportCsvParts(reports, words, reports.length).join('');
    const parts = callReportCsvParts(reports, words, 2);
    expect(parts.join('')).toBe(whole);
    expect(parts.join('').match(/Report ID/g)).toHaveLength(1);
    expect(parts.join('')).toContain(`"'=HYPERLINK(""x"")\nsecond line"`);
    expect(callReportsToCsv([], words)).toBe(
      `\uFEFF${CSV_COLUMNS.map((c) => words.headers[c]).join(',')}\r\n`,
    );
  });
});

describe('filing email', () => {
  it('one email for a selection, one section per report, corrections included', () => {
    const two = [
      sample(),
      {
        ...sample({ id: crypto.randomUUID(), applicationId: '1112223334' }),
        corrections: [{ at: '2026-11-21T10:00:00.000Z', by: 'B', text: 'Wrong state.' }],
      },
    ];
    const email = formatFilingEmail(two, 'Agent_Support@HealthSherpa.com', { timeZone: 'UTC' });
    expect(email.subject).toBe('3-way call reports: 2 applications');
    expect(email.body).toContain('--- Report 1 of 2 ---');
    expect(email.body).toContain('Application ID: 1112223334');
    expect(email.body).toContain('Wrong state.');
    expect(email.mailto.startsWith('mailto:Agent_Support@HealthSherpa.com?subject=')).toBe(true);
  });
  it('says when the link would be too long for a mail client', () => {
    const many = Array.from({ length: 12 }, () => sample({ id: crypto.randomUUID() }));
    expect(formatFilingEmail(many, 'a@b.c').tooLong).toBe(true);
    expect(formatFilingEmail([sample()], 'a@b.c').mailto.length).toBeLessThan(MAILTO_MAX);
  });
});

describe('retention', () => {
  const now = new Date('2026-12-31T00:00:00.000Z');
  const reports = [
    sample({ id: '1', status: 'resolved', resolvedAt: '2026-10-01T00:00:00.000Z' }),
    sample({ id: '2', status: 'resolved', resolvedAt: '2026-12-30T00:00:00.000Z' }),
    sample({ id: '3', status: 'filed-cms', updatedAt: '2026-01-01T00:00:00.000Z' }),
  ];
  it('is off by default and selects only resolved reports older than N days', () => {
    expect(selectExpired(reports, 0, now)).toEqual([]);
    expect(selectExpired(reports, 30, now).map((r) => r.id)).toEqual(['1']);
  });
});

describe('send to agency', () => {
  it('accepts only https endpoints without credentials', () => {
    expect(checkEndpoint('https://reports.agency.example/in').ok).toBe(true);
    expect(checkEndpoint('http://reports.agency.example/in').ok).toBe(false);
    expect(checkEndpoint('https://u:p@reports.agency.example/in').ok).toBe(false);
  });
  it('retries failures and reports the last one; stops on a refusal', async () => {
    let calls = 0;
    const flaky = (async () => {
      calls++;
      if (calls < 3) throw new Error('offline');
      return new Response('', { status: 200 });
    }) as typeof fetch;
    expect(await postBundle('https://x.example', '{}', { fetch: flaky, pauseMs: 0 })).toEqual({
      ok: true,
      attempts: 3,
    });
    const down = (async () => new Response('', { status: 503, statusText: 'Unavailable' })) as typeof fetch;
    expect(await postBundle('https://x.example', '{}', { fetch: down, pauseMs: 0 })).toMatchObject({
      ok: false,
      attempts: 3,
      error: expect.stringContaining('503'),
    });
    const refused = (async () => new Response('', { status: 403 })) as typeof fetch;
    expect(await postBundle('https://x.example', '{}', { fetch: refused, pauseMs: 0 })).toMatchObject({
      ok: false,
      attempts: 1,
    });
  });
});

describe('send to agency never follows a redirect', () => {
  it('asks fetch not to follow, and fails at once with the reason, whatever the browser shows', async () => {
    const seen: RequestInit[] = [];
    const answers = [
      new Response('', { status: 302, headers: { location: 'https://elsewhere.example/' } }),
      // What a browser hands back for a redirect under redirect: 'manual'.
      { type: 'opaqueredirect', status: 0, ok: false, statusText: '' } as Response,
    ];
    for (const answer of answers) {
      const redirecting = (async (_url: string, init: RequestInit) => {
        seen.push(init);
        return answer;
      }) as typeof fetch;
      expect(await postBundle('https://x.example', '{}', { fetch: redirecting, pauseMs: 0 })).toEqual({
        ok: false,
        attempts: 1,
        error: expect.stringMatching(
          /redirected the reports to another address, which AOR Guard does not follow/,
        ),
      });
    }
    expect(seen.map((init) => init.redirect)).toEqual(['manual', 'manual']);
  });
});

describe('context menu', () => {
  it('reads the application ID from the digits of a selection', async () => {
    const { applicationIdFromSelection } = await import('../../../lib/call-reports/shortcuts.background');
    expect(applicationIdFromSelection(' App ID: 4567-891-230 ')).toBe('4567891230');
    expect(applicationIdFromSelection('12')).toBeUndefined();
    expect(applicationIdFromSelection(undefined)).toBeUndefined();
  });
});
