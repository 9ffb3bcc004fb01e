import { useEffect, useState } from 'preact/hooks';
import { GATEWAY_TEMPLATE, type GatewayPayload, type GatewayResult } from '../../lib/resume-links/gateway';
import {
  composeResumeLinkMessage,
  type ResumeLinkLanguage,
  resumeLinkExpiry,
} from '../../lib/resume-links/link';
import {
  CHANNELS,
  type Channel,
  type Delivery,
  mailtoHref,
  type ParsedResumeLink,
  parseResumeLinkForm,
  phoneKey,
  type ResumeLinkField,
  type ResumeLinkFormValues,
  type ResumeLinkSend,
  sendsEmail,
  sendsText,
  smsHref,
  textLimitCheck,
} from '../../lib/resume-links/send';
import { SITE_LABELS } from '../../lib/sites/hosts';
import { formatDate, formatDateTime, t, tCode, tError, tProblem } from '../../words/i18n';
import { describedBy, Field } from '../shared/Field';

export interface ResumeLinkFormProps {
  initial?: Partial<ResumeLinkFormValues>;
  agentName: string;
  agentNpn: string | null;
  agentPhone: string;
  onAgentPhoneChange?(phone: string): void;
  /** Enrollee Assistance Program: a Resume Link is the only way forward. */
  eap?: boolean;
  extraHosts?: string[];
  textLimit: number;
  /** Texts recorded to the number with this key (for the 24-hour limit). */
  textSendsTo(key: string): Promise<ResumeLinkSend[]>;
  /** Stores the send with its case; resolves with the stored row. */
  onRecord(
    sent: ParsedResumeLink,
    meta: { delivery: Delivery; phoneKey?: string; failureReason?: string },
  ): Promise<ResumeLinkSend>;
  /** Present when the agency names a gateway. Called first thing in the click (permission prompt). */
  postGateway?(payload: GatewayPayload): Promise<GatewayResult>;
  copy?(text: string): Promise<void>;
  now?: () => Date;
  timeZone?: string;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'sent'; send: ResumeLinkSend }
  | { kind: 'error'; text: string };

const FIELDS: ResumeLinkField[] = ['link', 'consumerName', 'applicationId', 'email', 'phone', 'acknowledged'];

export function ResumeLinkForm(props: ResumeLinkFormProps) {
  const now = props.now ?? (() => new Date());
  const [values, setValues] = useState<ResumeLinkFormValues>(() => ({
    link: '',
    consumerName: '',
    applicationId: '',
    channel: 'email',
    email: '',
    phone: '',
    language: 'en',
    acknowledged: false,
    ...props.initial,
  }));
  const [showErrors, setShowErrors] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [limitWarning, setLimitWarning] = useState('');
  const parsed = parseResumeLinkForm(values, props.extraHosts);
  const valid = parsed.ok ? parsed.value : null;

  // The 24-hour text limit for the number typed, once it is a valid mobile number.
  const phone = valid?.phone;
  useEffect(() => {
    setLimitWarning('');
    if (!phone) return;
    let live = true;
    phoneKey(phone)
      .then(async (key) => {
        const check = textLimitCheck(await props.textSendsTo(key), key, now(), props.textLimit);
        if (live && !check.allowed && check.nextAllowedAt) {
          const at = formatDateTime(check.nextAllowedAt);
          setLimitWarning(t('resumeLink.textLimit', [String(check.used), String(props.textLimit), at]));
        }
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [phone, status.kind === 'sent' ? status.send.id : '']);

  const set =
    <K extends keyof ResumeLinkFormValues>(key: K) =>
    (value: ResumeLinkFormValues[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      if (status.kind !== 'busy') setStatus({ kind: 'idle' });
    };
  const fieldError = (f: ResumeLinkField) => {
    if (!showErrors || parsed.ok) return undefined;
    const e = parsed.errors[f];
    return e ? tCode('resumeLink.error', e.code, e.detail ? [e.detail, SITE_LABELS] : undefined) : undefined;
  };
  const control = (f: ResumeLinkField, notes: { hint?: string; warning?: string } = {}) => ({
    id: `rl-${f}`,
    'aria-invalid': fieldError(f) ? true : undefined,
    'aria-describedby': describedBy(`rl-${f}`, { error: fieldError(f), ...notes }),
  });

  const message = valid
    ? composeResumeLinkMessage({
        link: valid.link,
        consumerName: valid.consumerName,
        agentName: props.agentName,
        agentPhone: props.agentPhone.trim() || undefined,
        expiresOn: resumeLinkExpiry(now()),
        language: valid.language,
        timeZone: props.timeZone,
      })
    : null;

  /** An invalid form: show every error and focus the first. */
  function refuse() {
    setShowErrors(true);
    const first = FIELDS.find((f) => !parsed.ok && parsed.errors[f]);
    if (first) document.getElementById(`rl-${first}`)?.focus();
  }

  async function record(sent: ParsedResumeLink, delivery: Delivery, failureReason?: string) {
    try {
      const key = sent.phone && sendsText(sent.channel) ? await phoneKey(sent.phone) : undefined;
      const send = await props.onRecord(sent, { delivery, phoneKey: key, failureReason });
      setStatus(
        failureReason
          ? { kind: 'error', text: t('resumeLink.failed', [failureReason]) }
          : { kind: 'sent', send },
      );
    } catch (err) {
      setStatus({
        kind: 'error',
        text: t('resumeLink.notRecorded', [tError(err)]),
      });
    }
  }

  /** mailto: and sms: open the agent's own apps; the click is the send. */
  const onOpen = (delivery: Delivery) => (e: Event) => {
    if (!valid) {
      e.preventDefault();
      refuse();
      return;
    }
    record(valid, delivery);
  };

  async function onCopy() {
    if (!valid || !message) return refuse();
    try {
      await (props.copy ?? ((text: string) => navigator.clipboard.writeText(text)))(message.sms);
      await record(valid, 'copy');
    } catch {
      setStatus({ kind: 'error', text: t('common.copyFailed') });
    }
  }

  async function onGateway() {
    if (!valid || !message || !props.postGateway) return refuse();
    setStatus({ kind: 'busy' });
    const result = await props.postGateway({
      template: GATEWAY_TEMPLATE,
      channel: valid.channel,
      to: { email: valid.email, phone: valid.phone },
      fields: {
        consumerName: valid.consumerName,
        agentName: props.agentName.trim(),
        ...(props.agentPhone.trim() ? { agentPhone: props.agentPhone.trim() } : {}),
        timeZone: props.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      },
      message: {
        ...(sendsEmail(valid.channel) ? { subject: message.subject, body: message.body } : {}),
        ...(sendsText(valid.channel) ? { sms: message.sms } : {}),
      },
      link: valid.link,
      applicationId: valid.applicationId,
      agentNpn: props.agentNpn,
      language: valid.language,
    });
    await record(valid, 'gateway', result.ok ? undefined : tProblem(result.problem));
  }

  const channel = values.channel;
  return (
    <form class="stack" noValidate aria-labelledby="rl-heading" onSubmit={(e) => e.preventDefault()}>
      <h2 id="rl-heading">{t('resumeLink.heading')}</h2>
      <p class="hint">{t('resumeLink.intro')}</p>
      {props.eap && <p class="status status-warning">{t('resumeLink.eapOnly')}</p>}
      {!props.agentName && <p class="status status-error">{t('resumeLink.noProfile')}</p>}
      <Field
        id="rl-link"
        label={t('resumeLink.link')}
        hint={t('resumeLink.linkHint', [SITE_LABELS])}
        error={fieldError('link')}
      >
        <input
          type="url"
          autoComplete="off"
          value={values.link}
          {...control('link', { hint: 'yes' })}
          onInput={(e) => set('link')(e.currentTarget.value)}
        />
      </Field>
      <Field id="rl-consumerName" label={t('resumeLink.consumerName')} error={fieldError('consumerName')}>
        <input
          type="text"
          autoComplete="off"
          value={values.consumerName}
          {...control('consumerName')}
          onInput={(e) => set('consumerName')(e.currentTarget.value)}
        />
      </Field>
      <Field id="rl-applicationId" label={t('resumeLink.applicationId')} error={fieldError('applicationId')}>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={values.applicationId}
          {...control('applicationId')}
          onInput={(e) => set('applicationId')(e.currentTarget.value)}
        />
      </Field>
      <fieldset>
        <legend>{t('resumeLink.channel')}</legend>
        {CHANNELS.map((c) => (
          <label key={c} class="choice">
            <input
              type="radio"
              name="rl-channel"
              value={c}
              checked={channel === c}
              onChange={() => set('channel')(c as Channel)}
            />
            {tCode('resumeLink.channels', c)}
          </label>
        ))}
      </fieldset>
      {sendsEmail(channel) && (
        <Field id="rl-email" label={t('resumeLink.email')} error={fieldError('email')}>
          <input
            type="email"
            autoComplete="off"
            value={values.email}
            {...control('email')}
            onInput={(e) => set('email')(e.currentTarget.value)}
          />
        </Field>
      )}
      {sendsText(channel) && (
        <Field
          id="rl-phone"
          label={t('resumeLink.phone')}
          error={fieldError('phone')}
          warning={limitWarning || undefined}
        >
          <input
            type="tel"
            autoComplete="off"
            value={values.phone}
            {...control('phone', { warning: limitWarning || undefined })}
            onInput={(e) => set('phone')(e.currentTarget.value)}
          />
        </Field>
      )}
      <Field id="rl-agentPhone" label={t('resumeLink.agentPhone')} hint={t('resumeLink.agentPhoneHint')}>
        <input
          id="rl-agentPhone"
          type="tel"
          value={props.agentPhone}
          aria-describedby="rl-agentPhone-hint"
          onInput={(e) => props.onAgentPhoneChange?.(e.currentTarget.value)}
        />
      </Field>
      <Field id="rl-language" label={t('resumeLink.language')}>
        <select
          id="rl-language"
          value={values.language}
          onChange={(e) => set('language')(e.currentTarget.value as ResumeLinkLanguage)}
        >
          <option value="en">{t('resumeLink.english')}</option>
          <option value="es">{t('resumeLink.spanish')}</option>
        </select>
      </Field>
      <div class={fieldError('acknowledged') ? 'field field-invalid' : 'field'}>
        <label class="choice">
          <input
            type="checkbox"
            checked={values.acknowledged}
            {...control('acknowledged')}
            onChange={(e) => set('acknowledged')(e.currentTarget.checked)}
          />
          {t('resumeLink.acknowledge')}
        </label>
        {fieldError('acknowledged') && (
          <p class="error" id="rl-acknowledged-error">
            {fieldError('acknowledged')}
          </p>
        )}
      </div>
      <section aria-labelledby="rl-preview-heading" class="stack">
        <h3 id="rl-preview-heading">{t('resumeLink.preview')}</h3>
        {!message && <p class="hint">{t('resumeLink.fixFirst')}</p>}
        {message && sendsEmail(channel) && (
          <figure aria-label={t('resumeLink.previewEmail')}>
            <figcaption>{t('resumeLink.previewSubject', [message.subject])}</figcaption>
            <pre class="preview">{message.body}</pre>
          </figure>
        )}
        {message && sendsText(channel) && (
          <figure aria-label={t('resumeLink.previewText', [String(message.sms.length)])}>
            <figcaption>{t('resumeLink.previewText', [String(message.sms.length)])}</figcaption>
            <pre class="preview">{message.sms}</pre>
          </figure>
        )}
      </section>
      <div class="actions">
        {sendsEmail(channel) && (
          <a
            class="button primary"
            href={valid?.email && message ? mailtoHref(valid.email, message.subject, message.body) : '#'}
            onClick={onOpen('mailto')}
          >
            {t('resumeLink.openEmail')}
          </a>
        )}
        {sendsText(channel) && (
          <>
            <a
              class="button"
              href={valid?.phone && message ? smsHref(valid.phone, message.sms) : '#'}
              onClick={onOpen('sms')}
            >
              {t('resumeLink.openText')}
            </a>
            <button type="button" onClick={onCopy}>
              {t('resumeLink.copyMessage')}
            </button>
          </>
        )}
        {props.postGateway && (
          <button type="button" onClick={onGateway} disabled={status.kind === 'busy'}>
            {t('resumeLink.sendGateway')}
          </button>
        )}
      </div>
      <p role="status" class={status.kind === 'error' ? 'status status-error' : 'status'}>
        {status.kind === 'busy' && t('resumeLink.sending')}
        {status.kind === 'sent' &&
          t('resumeLink.recorded', [
            status.send.applicationId,
            formatDate(status.send.expiresAt, { dateStyle: 'long' }),
          ])}
        {status.kind === 'error' && status.text}
      </p>
    </form>
  );
}
