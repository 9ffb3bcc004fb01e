// POST /api/v1/gateway/send: the hub as the agency's Resume Link gateway (lib/resume-links/gateway.ts's
// GatewayPayload). Only a Resume Link on an enrollment site goes out, inside the message that carries it;
// texts keep the extension's per-number limit, counted across the agency.
import type { Context } from 'hono';
import { checkResumeLink, MAX_SMS_LENGTH } from '../../../lib/resume-links/link';
import { CHANNELS, phoneKey, sendsEmail, sendsText, textLimitCheck } from '../../../lib/resume-links/send';
import { applicationIdDigits, matching, npnDigits, textUpTo, z } from '../../../lib/shared/schema';
import type { HubContext } from '../context';
import { audit } from '../db/audit';
import { inTransaction } from '../db/transaction';
import type { DeviceEnv } from '../device/auth';
import { apiError, issuePath, readJson } from '../http';
import { mailSender, type SendResult, smsSender } from './senders';

const payloadSchema = z.object({
  channel: z.enum(CHANNELS),
  to: z.object({
    email: z.optional(z.email().check(z.maxLength(254))),
    phone: z.optional(matching(/^\+1\d{10}$/)),
  }),
  message: z.object({
    subject: z.optional(textUpTo(300)),
    body: z.optional(textUpTo(5000)),
    sms: z.optional(textUpTo(MAX_SMS_LENGTH)),
  }),
  link: textUpTo(1000),
  applicationId: applicationIdDigits(),
  agentNpn: z.nullable(npnDigits()),
  language: z.enum(['en', 'es']),
});

// Any number: one lock key space for "texts to this number", held while a send is counted.
const TEXT_LOCK_SPACE = 4_711_020;

export function gatewaySend(ctx: HubContext) {
  const mail = mailSender(ctx.gateway);
  const sms = smsSender(ctx.gateway);

  return async (c: Context<DeviceEnv>) => {
    const parsed = payloadSchema.safeParse(await readJson(c));
    if (!parsed.success)
      return apiError(c, 400, 'gateway.invalid', `Invalid field: ${issuePath(parsed.error.issues)}`);
    const p = parsed.data;
    const link = checkResumeLink(p.link, ctx.gateway.extraLinkHosts);
    if (!link.ok) return apiError(c, 400, 'gateway.badLink', `The link was refused (${link.code}).`);
    const email = sendsEmail(p.channel);
    const text = sendsText(p.channel);
    const mailText = p.message.body ?? '';
    const smsText = p.message.sms ?? '';
    if (email && !(p.to.email && p.message.subject && mailText.includes(p.link.trim())))
      return apiError(
        c,
        400,
        'gateway.invalid',
        'An email needs to.email, a subject and a body with the link.',
      );
    if (text && !(p.to.phone && smsText.includes(p.link.trim())))
      return apiError(c, 400, 'gateway.invalid', 'A text needs to.phone and an sms with the link.');
    if ((email && !mail) || (text && !sms))
      return apiError(c, 503, 'gateway.notConfigured', 'This hub has no way to send on that channel.');

    const device = c.get('device');
    const now = ctx.now();
    const key = text && p.to.phone ? await phoneKey(p.to.phone) : null;
    // Counting and claiming a slot happen under a lock on the number, so two agents cannot both take the last.
    const claim = await inTransaction(ctx.pool, async (client) => {
      if (key) {
        await client.query('select pg_advisory_xact_lock($1, hashtext($2))', [
          TEXT_LOCK_SPACE,
          `${device.agencyId}:${key}`,
        ]);
        const { rows } = await client.query<{ sentAt: Date; outcome: string; channel: string }>(
          `select sent_at as "sentAt", outcome, channel from gateway_sends
           where agency_id = $1 and phone_key = $2 and sent_at > $3`,
          [device.agencyId, key, new Date(now.getTime() - 24 * 3600_000)],
        );
        // A send still under way counts as sent: it may reach the number.
        const sends = rows.map((r) => ({
          phoneKey: key,
          sentAt: r.sentAt.toISOString(),
          outcome: r.outcome === 'failed' ? ('failed' as const) : ('sent' as const),
          channel: r.channel as (typeof CHANNELS)[number],
        }));
        const check = textLimitCheck(sends, key, now, ctx.gateway.textLimit);
        if (!check.allowed) return { refused: true as const, until: check.nextAllowedAt ?? now };
      }
      const { rows } = await client.query<{ id: string }>(
        `insert into gateway_sends (agency_id, device_id, channel, language, application_id, phone_key, outcome, sent_at)
         values ($1, $2, $3, $4, $5, $6, 'pending', $7) returning id`,
        [device.agencyId, device.id, p.channel, p.language, p.applicationId, key, now],
      );
      return { refused: false as const, id: (rows[0] as { id: string }).id };
    });
    if (claim.refused) {
      c.header('Retry-After', String(Math.max(1, Math.ceil((claim.until.getTime() - now.getTime()) / 1000))));
      return apiError(c, 429, 'gateway.textLimit', 'This number has had its texts for the last 24 hours.');
    }

    const results: SendResult[] = [];
    if (email && mail && p.to.email)
      results.push(
        await mail({
          to: p.to.email,
          subject: p.message.subject ?? '',
          text: mailText,
          language: p.language,
        }),
      );
    if (text && sms && p.to.phone) results.push(await sms(p.to.phone, smsText));
    const failure = results.find((r) => !r.ok)?.failure;
    const outcome = failure ? 'failed' : 'sent';
    await ctx.pool.query(
      'update gateway_sends set outcome = $3, failure = $4 where agency_id = $1 and id = $2',
      [device.agencyId, claim.id, outcome, failure ?? null],
    );
    await audit(
      ctx.pool,
      {
        agencyId: device.agencyId,
        actor: `device:${device.id}`,
        action: `gateway.${outcome}`,
        target: `gatewaySend:${claim.id}`,
        detail: { channel: p.channel, ...(failure && { failure }) },
      },
      now,
    );
    ctx.log.info('gateway.send', {
      agency: device.agencyId,
      device: device.id,
      channel: p.channel,
      outcome,
      failure,
    });
    if (failure) return apiError(c, 502, 'gateway.failed', `The message could not be sent (${failure}).`);
    return c.json({ id: claim.id, outcome });
  };
}
