import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ResumeLinkForm } from '../components/resume-links/ResumeLinkForm';
import { useMarketplaceProfile } from '../hooks/use-marketplace-profile';
import { useStoredProfile } from '../hooks/use-stored-profile';
import { hubHeadersFor } from '../lib/hub/hub.background';
import type { Policy } from '../lib/policy/keys';
import { effectiveSetting, readPolicy } from '../lib/policy/managed.background';
import {
  checkGatewayUrl,
  type GatewayPayload,
  gatewayOriginPattern,
  postToGateway,
} from '../lib/resume-links/gateway';
import { messageLanguageFor } from '../lib/resume-links/language';
import { DEFAULT_TEXT_LIMIT } from '../lib/resume-links/link';
import type { ResumeLinkFormValues } from '../lib/resume-links/send';
import { listTextSendsTo, recordResumeLinkSend } from '../lib/resume-links/store';
import { submittingNpnFor } from '../lib/risk/verdict';
import { sendingTo } from '../lib/shared/data-consent.browser';
import { problem } from '../lib/shared/problem';
import {
  agencyGatewayUrlItem,
  agentContactPhoneItem,
  resumeLinkTextLimitItem,
} from '../lib/storage/settings';

export interface ResumeLinkPanelProps {
  initial?: Partial<ResumeLinkFormValues>;
  planYear?: number;
  site?: string;
  eap?: boolean;
  /** The Override NPN chosen on the page, when the page shows one ('' = none chosen). */
  overrideNpn?: string;
}

/** The send form wired to the profile, settings, database and the agency gateway (popup and dashboard). */
export function ResumeLinkPanel(props: ResumeLinkPanelProps) {
  const profile = useStoredProfile();
  const marketplace = useMarketplaceProfile();
  const [settings, setSettings] = useState<{
    gateway: string;
    limit: number;
    phone: string;
    extraHosts: string[];
    policy: Policy;
  }>();
  useEffect(() => {
    // The agency's policy, where it sets them, wins over the agent's own gateway and limit.
    Promise.all([
      effectiveSetting('messagingGatewayUrl', agencyGatewayUrlItem),
      effectiveSetting('textSendsPerNumberPer24h', resumeLinkTextLimitItem),
      agentContactPhoneItem.getValue(),
      readPolicy(),
    ]).then(([gateway, limit, phone, { policy }]) =>
      setSettings({
        gateway: checkGatewayUrl(gateway.value).ok ? gateway.value : '',
        // Null: the agent never chose one.
        limit:
          limit.value && Number.isInteger(limit.value) && limit.value > 0 ? limit.value : DEFAULT_TEXT_LIMIT,
        phone: typeof phone === 'string' ? phone.slice(0, 40) : '',
        extraHosts: policy.resumeLinkExtraHosts ?? [],
        policy,
      }),
    );
  }, []);
  if (!profile || !settings || !marketplace) return null;

  async function postGateway(payload: GatewayPayload) {
    const checked = checkGatewayUrl(settings?.gateway ?? '');
    if (!checked.ok) return checked;
    // Asked in the click that sends: the browser shows its prompt for this origin only (and, in Firefox,
    // for sending it the consumer's data).
    const granted = await browser.permissions
      .request(sendingTo([gatewayOriginPattern(checked.url)]))
      .catch(() => false);
    if (!granted) return { ok: false as const, problem: problem('gateway.permission') };
    const hubHeaders = await hubHeadersFor(checked.url.href);
    // The agency hub composes the message itself from the template's fields: it is not sent there.
    const { message, ...fields } = payload;
    const body = Object.keys(hubHeaders).length ? fields : { ...fields, message };
    return postToGateway(checked.url.href, body, { headers: hubHeaders });
  }

  return (
    <ResumeLinkForm
      initial={{
        ...props.initial,
        language: messageLanguageFor(marketplace.profile.languages, props.initial?.language),
      }}
      agentName={profile.name}
      agentNpn={submittingNpnFor(profile, settings.policy, props.overrideNpn)}
      agentPhone={settings.phone}
      onAgentPhoneChange={(phone) => {
        setSettings({ ...settings, phone });
        agentContactPhoneItem.setValue(phone.slice(0, 40));
      }}
      eap={props.eap}
      extraHosts={settings.extraHosts}
      textLimit={settings.limit}
      textSendsTo={(key) => listTextSendsTo(key, new Date(Date.now() - 86_400_000))}
      onRecord={async (sent, meta) =>
        (
          await recordResumeLinkSend(
            { ...sent, planYear: props.planYear ?? profile.planYear },
            { ...meta, now: new Date(), site: props.site },
          )
        ).send
      }
      postGateway={settings.gateway ? postGateway : undefined}
    />
  );
}
