// The consent status and Consent Library rows a person reads on a HealthSherpa page, in English and
// Spanish; words no person can read are not read (tests/setup.ts registers the layoutless legibility rule).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPageFacts } from '../../../lib/sites';

const CONFIRM = new URL('https://www.healthsherpa.com/agents/jdoe-agency/clients/c_8f2a/confirm');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixture = (name: string) =>
  extractPageFacts(parse(readFileSync(`tests/fixtures/pages/healthsherpa/${name}`, 'utf8')), CONFIRM);

/** A confirm page with the given consent markup. */
const page = (consent: string) =>
  extractPageFacts(
    parse(`<main><h1>Confirm plan</h1><dl><dt>FFM App ID</dt><dd>4567891230</dd><dt>Plan year</dt><dd>2026</dd>
      <dt>Policy status</dt><dd>Effectuated</dd><dt>Agent of record</dt><dd>Sam Agent (NPN: 12345678)</dd></dl>
      ${consent}</main>`),
    CONFIRM,
  );

const LIBRARY_HEAD =
  '<thead><tr><th>Recipient</th><th>Consent type</th><th>Status</th><th>Method</th><th>Last updated</th></tr></thead>';

describe('consent on the page', () => {
  it('reads "Action required" and the library in English, not the hidden "Collected" line or hidden row', () => {
    const facts = fixture('confirm-consent-action-required.html');
    expect(facts?.consentStatus).toBe('action-required');
    expect(facts?.consentLibrary).toEqual([
      { kind: 'consent', status: 'pending', method: 'Digital form', updated: '2026-11-02' },
    ]);
    // The consent words do not change what else the reader reads.
    expect(facts).toMatchObject({ applicationId: '8123456701', planYear: 2026, aorNpn: '12345678' });
  });

  it('reads the Spanish page: "Acción requerida", Consentimiento inicial Recopilado, Revisión Pendiente', () => {
    const facts = fixture('confirm-consent-es.html');
    expect(facts?.consentStatus).toBe('action-required');
    expect(facts?.consentLibrary).toEqual([
      { kind: 'consent', status: 'collected', method: 'Carga del agente', updated: '2026-11-02' },
      { kind: 'review', status: 'pending', method: 'Formulario digital', updated: '2026-11-03' },
    ]);
  });

  it.each([
    ['Consent status: Collected', 'collected'],
    ['<span>Consent Status</span><span>Action Required</span>', 'action-required'],
    ['Estado del consentimiento: Recopilado', 'collected'],
    ['Estado de consentimiento: Se requiere acción', 'action-required'],
  ])('%s', (html, status) => {
    expect(page(`<p>${html}</p>`)?.consentStatus).toBe(status);
  });

  it('reads a revoked row', () => {
    const facts = page(
      `<table>${LIBRARY_HEAD}<tbody><tr><td>Maria</td><td>Initial consent</td><td>Revoked</td><td>Agent Upload</td><td>2026-10-01</td></tr></tbody></table>`,
    );
    expect(facts?.consentLibrary).toEqual([
      { kind: 'consent', status: 'revoked', method: 'Agent Upload', updated: '2026-10-01' },
    ]);
  });

  it.each([
    ['display:none', '<p style="display:none">Consent status: Collected</p>'],
    ['visibility:hidden', '<p style="visibility:hidden">Consent status: Collected</p>'],
    ['font-size:0', '<p style="font-size:0">Consent status: Collected</p>'],
    ['the hidden attribute', '<p hidden>Consent status: Collected</p>'],
  ])('a status a person cannot see (%s) is not read', (_how, html) => {
    expect(page(html)?.consentStatus).toBeUndefined();
  });

  it('a library row a person cannot see is not read', () => {
    const facts = page(
      `<table>${LIBRARY_HEAD}<tbody><tr style="display:none"><td>Maria</td><td>Initial consent</td><td>Collected</td><td>x</td><td>2026-10-01</td></tr></tbody></table>`,
    );
    expect(facts?.consentLibrary).toBeUndefined();
  });

  it('two statuses a person reads that disagree: neither', () => {
    expect(
      page('<p>Consent status: Collected</p><p>Consent status: Action required</p>')?.consentStatus,
    ).toBe(undefined);
  });

  it('a page that says nothing of consent has no consent facts', () => {
    const facts = page('');
    expect(facts).not.toHaveProperty('consentStatus');
    expect(facts).not.toHaveProperty('consentLibrary');
  });

  it('an invoice table with a Status column is no library', () => {
    const facts = page(
      `<p>Consent</p><table><thead><tr><th>Type</th><th>Status</th></tr></thead><tbody><tr><td>Invoice</td><td>Collected</td></tr></tbody></table>`,
    );
    expect(facts?.consentLibrary).toBeUndefined();
  });
});
