import { useEffect, useState } from 'preact/hooks';
import { Field } from '../../../../components/shared/Field';
import { ResumeLinkPanel } from '../../../../containers/ResumeLinkPanel';
import type { DashboardPrefill } from '../../../../lib/dashboard/link';
import { effectiveSetting } from '../../../../lib/policy/managed.background';
import { checkGatewayUrl } from '../../../../lib/resume-links/gateway';
import { DEFAULT_TEXT_LIMIT } from '../../../../lib/resume-links/link';
import { agencyGatewayUrlItem, resumeLinkTextLimitItem } from '../../../../lib/storage/settings';
import { t, tProblem } from '../../../../words/i18n';

/** The send form, prefilled from the banner's `Send Resume Link` or a case's `Resend`. */
export function ResumeLinkSection({ prefill }: { prefill: DashboardPrefill }) {
  return (
    <>
      <ResumeLinkPanel
        initial={{
          link: prefill.resumeLink ?? '',
          consumerName: prefill.consumerName ?? '',
          applicationId: prefill.applicationId ?? '',
        }}
        planYear={prefill.planYear}
        eap={prefill.eap}
      />
      <ResumeLinkSettings />
    </>
  );
}

/** The gateway and the text limit, checked before saving; shown locked where the agency's policy sets them. */
function ResumeLinkSettings() {
  const [gateway, setGateway] = useState('');
  const [limit, setLimit] = useState(String(DEFAULT_TEXT_LIMIT));
  const [locked, setLocked] = useState({ gateway: false, limit: false });
  const [errors, setErrors] = useState<{ gateway?: string; limit?: string }>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    Promise.all([
      effectiveSetting('messagingGatewayUrl', agencyGatewayUrlItem),
      effectiveSetting('textSendsPerNumberPer24h', resumeLinkTextLimitItem),
    ]).then(([g, l]) => {
      setGateway(typeof g.value === 'string' ? g.value : '');
      setLimit(String(l.value ?? DEFAULT_TEXT_LIMIT));
      setLocked({ gateway: g.locked, limit: l.locked });
    });
  }, []);

  async function save(e: Event) {
    e.preventDefault();
    const next: typeof errors = {};
    const checked = gateway.trim() ? checkGatewayUrl(gateway) : null;
    if (checked && !checked.ok) next.gateway = tProblem(checked.problem);
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 20) next.limit = t('resumeLink.error.textLimit');
    setErrors(next);
    setSaved(false);
    if (next.gateway || next.limit) return;
    await agencyGatewayUrlItem.setValue(gateway.trim());
    await resumeLinkTextLimitItem.setValue(n);
    setSaved(true);
  }

  return (
    <form class="stack" noValidate onSubmit={save} aria-labelledby="rl-settings-heading">
      <h2 id="rl-settings-heading">{t('resumeLink.settingsHeading')}</h2>
      <Field
        id="rl-gateway"
        label={t('resumeLink.gatewayUrl')}
        hint={locked.gateway ? t('policy.setByAgency') : t('resumeLink.gatewayUrlHint')}
        error={errors.gateway}
      >
        <input
          id="rl-gateway"
          type="url"
          readOnly={locked.gateway}
          value={gateway}
          onInput={(e) => setGateway(e.currentTarget.value)}
        />
      </Field>
      <Field
        id="rl-limit"
        label={t('resumeLink.textLimitSetting')}
        hint={locked.limit ? t('policy.setByAgency') : undefined}
        error={errors.limit}
      >
        <input
          id="rl-limit"
          readOnly={locked.limit}
          type="number"
          min={1}
          max={20}
          value={limit}
          onInput={(e) => setLimit(e.currentTarget.value)}
        />
      </Field>
      <div class="actions">
        <button type="submit">{t('resumeLink.saveSettings')}</button>
      </div>
      <p role="status" class="status">
        {saved && t('resumeLink.settingsSaved')}
      </p>
    </form>
  );
}
