import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ResumeLinkForm, type ResumeLinkFormProps } from '../../../components/resume-links/ResumeLinkForm';
import { type GatewayPayload, gatewayPayloadSchema } from '../../../lib/resume-links/gateway';
import type { ResumeLinkSend } from '../../../lib/resume-links/send';
import { problem } from '../../../lib/shared/problem';

const now = () => new Date('2026-11-20T15:00:00.000Z');
const stored = (over: Partial<ResumeLinkSend> = {}): ResumeLinkSend => ({
  id: '0c6f5a57-9f0e-4a4e-8f3b-6a1d2c3b4a59',
  caseId: '0c6f5a57-9f0e-4a4e-8f3b-6a1d2c3b4a5a',
  applicationId: '4567891230',
  planYear: 2026,
  channel: 'email',
  delivery: 'mailto',
  recipient: 'm•••@example.com',
  language: 'en',
  sentAt: '2026-11-20T15:00:00.000Z',
  expiresAt: '2026-12-20T15:00:00.000Z',
  outcome: 'sent',
  ...over,
});

function setup(over: Partial<ResumeLinkFormProps> = {}) {
  const onRecord = vi.fn(async (..._args: unknown[]) => stored());
  const props: ResumeLinkFormProps = {
    initial: {
      link: 'https://www.healthsherpa.com/resume/abc123',
      consumerName: 'Maria Lopez',
      applicationId: '4567891230',
    },
    agentName: 'Sam Agent',
    agentNpn: '12345678',
    agentPhone: '(202) 555-0143',
    textLimit: 3,
    textSendsTo: async () => [],
    onRecord,
    now,
    timeZone: 'America/Chicago',
    ...over,
  };
  render(<ResumeLinkForm {...props} />);
  return { onRecord };
}

describe('ResumeLinkForm', () => {
  it('previews exactly what goes out and records an email send', async () => {
    const { onRecord } = setup();
    fireEvent.input(screen.getByLabelText("Consumer's email"), { target: { value: 'maria@example.com' } });
    fireEvent.click(screen.getByLabelText(/consent and the Eligibility Application Review/));
    const preview = screen.getByRole('figure', { name: 'Email' });
    expect(preview.textContent).toContain('https://www.healthsherpa.com/resume/abc123');
    expect(preview.textContent).toContain('December 20, 2026');
    const open = screen.getByRole('link', { name: 'Open email' });
    expect(open.getAttribute('href')).toMatch(/^mailto:maria@example\.com\?subject=/);
    fireEvent.click(open);
    await waitFor(() => expect(onRecord).toHaveBeenCalled());
    expect(onRecord.mock.calls[0]).toEqual([
      expect.objectContaining({ applicationId: '4567891230', email: 'maria@example.com', language: 'en' }),
      { delivery: 'mailto', phoneKey: undefined, failureReason: undefined },
    ]);
    expect((await screen.findByRole('status')).textContent).toMatch(/Action recommended/);
  });

  it('without the acknowledgement or with a lookalike link, shows errors and records nothing', () => {
    const { onRecord } = setup({
      initial: {
        link: 'https://healthsherpa.com@evil.example/r',
        consumerName: 'M',
        applicationId: '4567891230',
      },
    });
    fireEvent.input(screen.getByLabelText("Consumer's email"), { target: { value: 'maria@example.com' } });
    fireEvent.click(screen.getByRole('link', { name: 'Open email' }));
    expect(onRecord).not.toHaveBeenCalled();
    expect(screen.getByText(/phishing/)).toBeTruthy();
    expect(screen.getByText(/Confirm that consent/)).toBeTruthy();
    expect(screen.getByLabelText('Resume Link').getAttribute('aria-invalid')).toBe('true');
  });

  it('sends the link it checked: the parsed href, in the preview and in the mail', () => {
    setup({
      initial: {
        link: ' https://WWW.HealthSherpa.com/resume/abc123\n',
        consumerName: 'Maria Lopez',
        applicationId: '4567891230',
      },
    });
    fireEvent.input(screen.getByLabelText("Consumer's email"), { target: { value: 'maria@example.com' } });
    fireEvent.click(screen.getByLabelText(/consent and the Eligibility Application Review/));
    const href = 'https://www.healthsherpa.com/resume/abc123';
    expect(screen.getByRole('figure', { name: 'Email' }).textContent).toContain(href);
    const mailto = screen.getByRole('link', { name: 'Open email' }).getAttribute('href') ?? '';
    const body = new URLSearchParams(mailto.split('?')[1]).get('body') ?? '';
    expect(body.split('\r\n')).toContain(href);
  });

  it('refuses a link with a second address after a line break, and records nothing', () => {
    const { onRecord } = setup({
      initial: {
        link: 'https://www.healthsherpa.com/r\nhttps://evil.example/x',
        consumerName: 'Maria Lopez',
        applicationId: '4567891230',
      },
    });
    fireEvent.input(screen.getByLabelText("Consumer's email"), { target: { value: 'maria@example.com' } });
    fireEvent.click(screen.getByLabelText(/consent and the Eligibility Application Review/));
    fireEvent.click(screen.getByRole('link', { name: 'Open email' }));
    expect(onRecord).not.toHaveBeenCalled();
    expect(screen.getByText(/paste only the link/)).toBeTruthy();
    expect(screen.queryByRole('figure', { name: 'Email' })).toBeNull();
  });

  it('texts in Spanish: sms link, 320-character preview, warns at the 24-hour limit', async () => {
    const recent = [0, 1, 2].map((h) =>
      stored({
        channel: 'text',
        sentAt: new Date(Date.parse('2026-11-20T10:00:00Z') + h * 3_600_000).toISOString(),
      }),
    );
    setup({
      textSendsTo: async (key) => recent.map((s) => ({ ...s, phoneKey: key })),
    });
    fireEvent.click(screen.getByRole('radio', { name: 'Text' }));
    fireEvent.change(screen.getByLabelText('Message language'), { target: { value: 'es' } });
    fireEvent.input(screen.getByLabelText("Consumer's mobile number"), {
      target: { value: '(202) 555-0143' },
    });
    fireEvent.click(screen.getByLabelText(/consent and the Eligibility Application Review/));
    const sms = screen.getByRole('figure', { name: /Text message \(\d+ of 320 characters\)/ });
    expect(sms.textContent).toMatch(/Hola Maria Lopez/);
    expect(screen.getByRole('link', { name: 'Open text message' }).getAttribute('href')).toMatch(
      /^sms:\+12025550143\?body=Hola/,
    );
    expect(
      await screen.findByText(/3 texts went to this number in the last 24 hours \(limit 3\)/),
    ).toBeTruthy();
  });

  it('a gateway failure is shown and recorded as failed', async () => {
    const onRecord = vi.fn(async (..._args: unknown[]) => stored({ outcome: 'failed' }));
    const postGateway = vi.fn(async () => ({
      ok: false as const,
      problem: problem('gateway.refused', 500),
    }));
    setup({ onRecord, postGateway });
    fireEvent.input(screen.getByLabelText("Consumer's email"), { target: { value: 'maria@example.com' } });
    fireEvent.click(screen.getByLabelText(/consent and the Eligibility Application Review/));
    fireEvent.click(screen.getByRole('button', { name: 'Send through agency gateway' }));
    expect(await screen.findByText(/Not sent, recorded as failed: .*HTTP 500/)).toBeTruthy();
    expect(postGateway).toHaveBeenCalledWith(
      expect.objectContaining({
        template: 'resume-link',
        channel: 'email',
        to: { email: 'maria@example.com' },
        fields: {
          consumerName: 'Maria Lopez',
          agentName: 'Sam Agent',
          agentPhone: '(202) 555-0143',
          timeZone: 'America/Chicago',
        },
        agentNpn: '12345678',
      }),
    );
    // What the agency hub reads: the template's fields, not the composed words.
    const sent = (postGateway.mock.calls as unknown as [GatewayPayload][])[0]?.[0];
    expect(gatewayPayloadSchema.safeParse(sent).success).toBe(true);
    expect(onRecord.mock.calls[0]?.[1]).toMatchObject({
      delivery: 'gateway',
      failureReason: expect.stringMatching(/500/),
    });
  });

  it('an EAP case says the Resume Link is the only way', () => {
    setup({ eap: true });
    expect(screen.getByText(/a Resume Link is the only way forward/)).toBeTruthy();
  });
});
