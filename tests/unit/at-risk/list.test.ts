import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AT_RISK_MAX_BYTES,
  type AtRiskClient,
  AtRiskImportError,
  atRiskClientSchema,
  mergeAtRisk,
  parseAtRiskCsv,
} from '../../../lib/at-risk/list';
import { tError, tProblem } from '../../../words/i18n';

const csv = (file: string) => readFileSync(`tests/fixtures/csv/${file}`, 'utf8');
const blob = (file: string) => new Blob([readFileSync(`tests/fixtures/csv/${file}`)], { type: 'text/csv' });
const HS = 'https://www.healthsherpa.com/agents/jdoe-agency/clients';
const AGENT_HEADER = 'Federal Exchange ID,Client Details Page URL,Archived Status';

/** The refusal's message, or a failure when the file was accepted. */
async function refusal(input: string | Blob): Promise<string> {
  const error = await parseAtRiskCsv(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AtRiskImportError);
  return tError(error);
}

describe('parseAtRiskCsv: the agent export', () => {
  it('reads every good row, whatever the BOM, CRLF, blank lines and Excel ="…" wrapping', async () => {
    const { format, rows } = await parseAtRiskCsv(csv('agent-export.csv'));
    expect(format).toBe('agent');
    expect(rows).toEqual([
      { federalExchangeId: '4567891230', clientDetailsUrl: `${HS}/c_1`, archived: false },
      // ="0123456789" keeps its leading zero, raw or quoted as "=""…"""
      { federalExchangeId: '0123456789', clientDetailsUrl: `${HS}/c_2`, archived: true },
      { federalExchangeId: '5678901234', clientDetailsUrl: `${HS}/c_3`, archived: false },
      {
        federalExchangeId: '6789012345',
        clientDetailsUrl: `${HS}/c_4?tab=details&sync=1`,
        archived: true,
      },
      {
        federalExchangeId: '9012345678',
        clientDetailsUrl: 'https://ambetter.healthsherpa.com/agents/jdoe-agency/clients/c_9',
        archived: false,
      },
    ]);
  });

  it('lists a client once however often the file repeats it', async () => {
    const { rows } = await parseAtRiskCsv(csv('agent-export.csv'));
    expect(rows.filter((r) => r.federalExchangeId === '4567891230')).toHaveLength(1);
    const repeated = await parseAtRiskCsv(
      `${AGENT_HEADER}\n4567891230,${HS}/c_1,Not archived\n4567891230,${HS}/c_1b,Archived\n`,
    );
    expect(repeated.rows).toEqual([
      { federalExchangeId: '4567891230', clientDetailsUrl: `${HS}/c_1b`, archived: true },
    ]);
    expect(repeated.errors).toEqual([]);
  });

  it('reports bad rows by the line a person sees in an editor, and imports the rest', async () => {
    const { errors } = await parseAtRiskCsv(csv('agent-export.csv'));
    expect(errors.map((e) => e.line)).toEqual([8, 9, 10, 11]);
    const words = errors.map((e) => tProblem(e.problem));
    expect(words[0]).toMatch(/^Line 8: .*Federal Exchange ID "ABC123" is not digits/);
    expect(words[1]).toMatch(/^Line 9: .*Federal Exchange ID is empty/);
    expect(words[2]).toMatch(/^Line 10: .*Archived Status "Maybe" is not understood/);
    expect(words[3]).toMatch(/^Line 11: .*1 of the 3 columns/);
    for (const w of words) expect(w).toMatch(/skipped/);
  });

  it('counts lines across a quoted cell that spans lines', async () => {
    const { rows, errors } = await parseAtRiskCsv(
      `${AGENT_HEADER}\r\n4567891230,"${HS}/c_1\r\n",Not archived\r\nbad,${HS}/c_2,Archived\r\n`,
    );
    expect(rows.map((r) => r.federalExchangeId)).toEqual(['4567891230']);
    expect(errors.map((e) => e.line)).toEqual([4]);
  });

  it('reads a Blob as it reads a string', async () => {
    expect(await parseAtRiskCsv(blob('agent-export.csv'))).toEqual(
      await parseAtRiskCsv(csv('agent-export.csv')),
    );
  });

  it('takes the columns in any order, case and spacing', async () => {
    const { rows } = await parseAtRiskCsv(
      `archived status ,  FEDERAL  EXCHANGE ID,client details page url\nArchived,4567891230,${HS}/c_1\n`,
    );
    expect(rows).toEqual([
      { federalExchangeId: '4567891230', clientDetailsUrl: `${HS}/c_1`, archived: true },
    ]);
  });

  it('a header with no rows is an empty list, not an error', async () => {
    expect(await parseAtRiskCsv(`\uFEFF${AGENT_HEADER}\r\n`)).toEqual({
      format: 'agent',
      rows: [],
      errors: [],
    });
  });
});

describe('parseAtRiskCsv: the agency export', () => {
  it('reads the agency, agent and email columns', async () => {
    const { format, rows, errors } = await parseAtRiskCsv(blob('agency-export.csv'));
    expect(format).toBe('agency');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        federalExchangeId: '4567891230',
        clientDetailsUrl: `${HS}/c_1`,
        archived: false,
        agencyName: 'Acme Insurance Agency',
        agentName: 'Jane Broker',
        agentEmail: 'jane@acme.example',
      },
      {
        federalExchangeId: '0012345678',
        clientDetailsUrl: 'https://www.healthsherpa.com/agents/pat-other/clients/c_2',
        archived: true,
        agencyName: 'Acme Insurance Agency, LLC',
        agentName: 'Other, Pat',
        agentEmail: 'pat@acme.example',
      },
      {
        // A formula is kept as the text it is; exports neutralise it (lib/shared/csv.ts).
        federalExchangeId: '5678901234',
        clientDetailsUrl: `${HS}/c_3`,
        archived: false,
        agencyName: '=HYPERLINK("http://evil.example")',
        agentName: 'Sam Agent',
        agentEmail: 'sam@acme.example',
      },
    ]);
  });

  it('bounds the length of free-text cells', async () => {
    const long = 'x'.repeat(10_000);
    const { rows } = await parseAtRiskCsv(
      `${AGENT_HEADER},Agency name,Agent name,Agent email address\n4567891230,${HS}/c_1,Archived,${long},${long},${long}\n`,
    );
    expect(rows[0]?.agencyName).toHaveLength(500);
    expect(rows[0]?.agentName).toHaveLength(500);
    expect(rows[0]?.agentEmail).toHaveLength(500);
  });
});

describe('parseAtRiskCsv: client details links', () => {
  it('keeps only https links on healthsherpa.com; the row stays, the link is dropped', async () => {
    const { rows, errors } = await parseAtRiskCsv(csv('unsafe-urls.csv'));
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.federalExchangeId, r.clientDetailsUrl])).toEqual([
      ['1000000001', undefined], // javascript:
      ['1000000002', undefined], // http:
      ['1000000003', undefined], // healthsherpa.com.evil.example
      ['1000000004', undefined], // evilhealthsherpa.com
      ['1000000005', undefined], // user:pass@
      ['1000000006', undefined], // www.healthsherpa.com@evil.example
      ['1000000007', undefined], // Cyrillic "а" lookalike host
      ['1000000008', undefined], // https:\\evil.example\…
      ['1000000009', undefined], // data:
      ['1000000010', undefined], // relative
      ['1000000011', 'https://www.healthsherpa.com/agents/a/clients/11'],
    ]);
  });
});

describe('parseAtRiskCsv: refusals', () => {
  it('a file with other columns, naming what is missing and what was found', async () => {
    const message = await refusal(csv('other-headers.csv'));
    expect(message).toMatch(/not an AOR at-risk clients export/);
    expect(message).toContain('missing column(s) "client details page url", "archived status"');
    expect(message).toContain('found: client name, federal exchange id, last synced at');
    expect(message).not.toMatch(/NPN registry/);
  });

  it('the CMS Registration Completion List, pointing to the NPN registry', async () => {
    const message = await refusal(blob('rcl.csv'));
    expect(message).toMatch(/not an AOR at-risk clients export/);
    expect(message).toMatch(/NPN list .*Import it in the NPN registry/);
  });

  it('the Suspension and Termination List, pointing to the NPN registry', async () => {
    const message = await refusal(
      'NPN,Effective Plan Year,Marketplaces,Registration Completion Date,Individual Registration Date,SHOP Registration Date,Termination or Suspension Date,Termination Reconsidered or Suspension Lifted,Status\r\n12345678,2026,Individual,,,,01/02/2026,,T3\r\n',
    );
    expect(message).toMatch(/NPN registry/);
  });

  it('binary data', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect(await refusal(new Blob([png]))).toMatch(/not a CSV file .*binary/);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]);
    expect(await refusal(new Blob([zip]))).toMatch(/binary/);
    expect(await refusal(`${AGENT_HEADER}\n4567891230\u0000,x,y\n`)).toMatch(/binary/);
  });

  it.each([
    ['an empty file', () => blob('empty.csv')],
    ['an empty string', () => ''],
    ['blank lines only', () => '\r\n  \r\n\t\n'],
    ['a BOM only', () => '\uFEFF'],
  ])('%s', async (_, input) => {
    expect(await refusal(input())).toMatch(/empty.*Export the AOR at-risk clients list again/);
  });

  it('a file over 20 MB, before reading it', async () => {
    const big = new Blob([new Uint8Array(AT_RISK_MAX_BYTES + 1)]);
    expect(big.size).toBeGreaterThan(20 * 1024 * 1024);
    const message = await refusal(big);
    expect(message).toMatch(
      /This file is 20\.0 MB, over the 20 MB limit; an AOR at-risk export is far smaller/,
    );
    expect(message).toMatch(/Choose the "AOR at-risk clients" CSV/);
  });

  it('a file of exactly 20 MB is read', async () => {
    const head = `${AGENT_HEADER}\n4567891230,${HS}/1,Archived\n`;
    const exact = new Blob([head, ' '.repeat(AT_RISK_MAX_BYTES - head.length)]);
    expect(exact.size).toBe(AT_RISK_MAX_BYTES);
    const { rows } = await parseAtRiskCsv(exact);
    expect(rows).toHaveLength(1);
  });
});

describe('mergeAtRisk', () => {
  const first = new Date('2026-11-01T10:00:00.000Z');
  const second = new Date('2026-11-20T09:30:00.000Z');
  const row = { federalExchangeId: '4567891230', clientDetailsUrl: `${HS}/c_1`, archived: false };

  it('a new client is first seen now', () => {
    expect(mergeAtRisk(undefined, row, first)).toEqual({
      ...row,
      firstSeenAt: first.toISOString(),
      lastImportedAt: first.toISOString(),
    });
  });

  it('a client already listed keeps firstSeenAt; what the new export says wins', () => {
    const existing: AtRiskClient = {
      ...row,
      clientName: 'Maria Lopez',
      agentName: 'Jane Broker',
      firstSeenAt: first.toISOString(),
      lastImportedAt: first.toISOString(),
    };
    const merged = mergeAtRisk(existing, { ...row, archived: true, agentName: 'Pat Other' }, second);
    expect(merged).toEqual({
      ...row,
      archived: true,
      clientName: 'Maria Lopez', // the export does not carry it: kept
      agentName: 'Pat Other',
      firstSeenAt: first.toISOString(),
      lastImportedAt: second.toISOString(),
    });
    expect(atRiskClientSchema.parse(merged)).toEqual(merged);
  });

  it('a link dropped as unsafe in a later export does not erase the stored one', () => {
    const existing = mergeAtRisk(undefined, row, first);
    const merged = mergeAtRisk(existing, { ...row, clientDetailsUrl: undefined }, second);
    expect(merged.clientDetailsUrl).toBe(`${HS}/c_1`);
    expect(merged.firstSeenAt).toBe(first.toISOString());
  });

  it('every parsed row merges into a record the store accepts', async () => {
    const { rows } = await parseAtRiskCsv(csv('agency-export.csv'));
    for (const r of rows)
      expect(() => atRiskClientSchema.parse(mergeAtRisk(undefined, r, first))).not.toThrow();
  });
});
