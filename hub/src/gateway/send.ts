// POST /api/v1/gateway/send: the hub as the agency's Resume Link gateway. The device names the template
// and fills its fields (lib/resume-links/gateway.ts's GatewayPayload); the hub composes the email and the
// text itself from the Resume Link templates (lib/resume-links/link.ts) around the checked link, so an
// enrolled device cannot send words of its own from the agency's address. Each recipient has a limit per
// 24 hours across the agency: texts per number, emails per address.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { gatewayPayloadSchema } from '#lib/resume-links/gateway';
import { checkResumeLink, composeResumeLinkMessage, resumeLinkExpiry } from '#lib/resume-links/link';
import { phoneKey, rollingLimitCheck, sendsEmail, sendsText } from '#lib/resume-links/send';
import type { HubContext } from '../context';
import { audit, type Queryable } from '../db/audit';
import { inTransaction } from '../db/transaction';
import type { DeviceEnv } from '../device/auth';
import { apiError, issuePath, readJson } from '../http';
import { mailSender, type SendResult, smsSender } from './senders';

// Any number: one lock key space for "sends to this recipient", held while a send is counted.
const RECIPIENT_LOCK_SPACE = 4_711_020;
const DAY_MS = 86_400_000;

/** A pseudonymous key of an address, as phoneKey is of a number: counts sends without keeping it. */
const emailKey = (email: string) =>
  createHash('sha256').update(`aor-guard:email:${email.trim().toLowerCase()}`).digest('hex');

interface Recipient {
  column: 'phone_key' | 'email_key';
  key: string;
  limit: number;
  /** The 429's code and words, naming the limit. */
  code: string;
  words: (limit: number) => string;
}

const TEXT_WORDS = (n: number) =>
  `This number has had ${n} Resume Link text${n === 1 ? '' : 's'} from the agency in the last 24 hours, the hub's limit per number (HUB_TEXT_LIMIT).`;
const EMAIL_WORDS = (n: number) =>
  `This address has had ${n} Resume Link email${n === 1 ? '' : 's'} from the agency in the last 24 hours, the hub's limit per address (HUB_EMAIL_LIMIT).`;

/** When the recipient may next be sent to, or undefined when a send is allowed now. Run under its lock. */
async function limitReachedUntil(
  db: Queryable,
  agencyId: string,
  r: Recipient,
  now: Date,
): Promise<Date | undefined> {
  // A send still under way counts as sent: it may reach the recipient. Failed ones did not.
  const { rows } = await db.query<{ sentAt: Date }>(
    `select sent_at as "sentAt" from gateway_sends
      where agency_id = $1 and ${r.column} = $2 and sent_at > $3 and outcome <> 'failed'`,
    [agencyId, r.key, new Date(now.getTime() - DAY_MS)],
  );
  const check = rollingLimitCheck(
    rows.map((row) => row.sentAt.getTime()),
    now,
    r.limit,
  );
  return check.allowed ? undefined : (check.nextAllowedAt ?? now);
}

export function gatewaySend(ctx: HubContext) {
  const mail = mailSender(ctx.gateway);
  const sms = smsSender(ctx.gateway);

  return async (c: Context<DeviceEnv>) => {
    const parsed = gatewayPayloadSchema.safeParse(await readJson(c));
    if (!parsed.success)
      return apiError(
        c,
        400,
        'gateway.invalid',
        `Invalid field: ${issuePath(parsed.error.issues)} (${parsed.error.issues[0]?.message ?? ''})`,
      );
    const p = parsed.data;
    const link = checkResumeLink(p.link, ctx.gateway.extraLinkHosts);
    if (!link.ok || !link.href)
      return apiError(c, 400, 'gateway.badLink', `The link was refused (${link.code}).`);
    const email = sendsEmail(p.channel) ? p.to.email : undefined;
    const phone = sendsText(p.channel) ? p.to.phone : undefined;
    if (sendsEmail(p.channel) && !email)
      return apiError(c, 400, 'gateway.invalid', 'Invalid field: to.email (an email needs the address).');
    if (sendsText(p.channel) && !phone)
      return apiError(c, 400, 'gateway.invalid', 'Invalid field: to.phone (a text needs the number).');
    if ((email && !mail) || (phone && !sms))
      return apiError(c, 503, 'gateway.notConfigured', 'This hub has no way to send on that channel.');
    const timeZone = p.fields.timeZone;
    if (timeZone && !knownTimeZone(timeZone))
      return apiError(c, 400, 'gateway.invalid', 'Invalid field: fields.timeZone (not a time zone).');

    const device = c.get('device');
    const now = ctx.now();
    const message = composeResumeLinkMessage({
      link: link.href,
      consumerName: p.fields.consumerName,
      agentName: p.fields.agentName,
      agentPhone: p.fields.agentPhone,
      expiresOn: resumeLinkExpiry(now),
      language: p.language,
      timeZone,
    });
    const recipients: Recipient[] = [];
    if (phone)
      recipients.push({
        column: 'phone_key',
        key: await phoneKey(phone),
        limit: ctx.gateway.textLimit,
        code: 'gateway.textLimit',
        words: TEXT_WORDS,
      });
    if (email)
      recipients.push({
        column: 'email_key',
        key: emailKey(email),
        limit: ctx.gateway.emailLimit,
        code: 'gateway.emailLimit',
        words: EMAIL_WORDS,
      });
    const keyOf = (column: Recipient['column']) => recipients.find((r) => r.column === column)?.key ?? null;

    // Counting and claiming a slot happen under a lock per recipient (always taken in the same order), so
    // two agents cannot both take the last one.
    const claim = await inTransaction(ctx.pool, async (client) => {
      for (const r of recipients) {
        await client.query('select pg_advisory_xact_lock($1, hashtext($2))', [
          RECIPIENT_LOCK_SPACE,
          `${device.agencyId}:${r.key}`,
        ]);
        const until = await limitReachedUntil(client, device.agencyId, r, now);
        if (until) return { refused: r, until };
      }
      const { rows } = await client.query<{ id: string }>(
        `insert into gateway_sends (agency_id, device_id, channel, language, application_id, phone_key, email_key,
           outcome, sent_at)
         values ($1, $2, $3, $4, $5, $6, $7, 'pending', $8) returning id`,
        [
          device.agencyId,
          device.id,
          p.channel,
          p.language,
          p.applicationId,
          keyOf('phone_key'),
          keyOf('email_key'),
          now,
        ],
      );
      return { refused: undefined, id: (rows[0] as { id: string }).id };
    });
    if (claim.refused) {
      const r = claim.refused;
      c.header('Retry-After', String(Math.max(1, Math.ceil((claim.until.getTime() - now.getTime()) / 1000))));
      ctx.log.info('gateway.limited', { agency: device.agencyId, device: device.id, limit: r.code });
      return apiError(
        c,
        429,
        r.code,
        `${r.words(r.limit)} Nothing was sent; try again after ${claim.until.toISOString()}.`,
      );
    }

    const results: SendResult[] = [];
    if (email && mail)
      results.push(
        await mail({ to: email, subject: message.subject, text: message.body, language: p.language }),
      );
    if (phone && sms) results.push(await sms(phone, message.sms));
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

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
