import { siteRulesEnvelope } from '../../lib/page-rules/agency';
import type { ParsedPolicy } from '../../lib/policy/keys';
import { t, tCode } from '../../words/i18n';

/** What the agency's IT set, as the agent (and IT, verifying a rollout) sees it. */
export function PolicyPanel({ parsed }: { parsed: ParsedPolicy }) {
  const entries = Object.entries(parsed.policy);
  return (
    <section class="stack" aria-labelledby="policy-heading">
      <h2 id="policy-heading">{t('policy.heading')}</h2>
      <p class="hint">{t('policy.intro')}</p>
      {entries.length === 0 ? (
        <p>{t('policy.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('policy.key')}</th>
              <th scope="col">{t('policy.value')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([name, value]) => (
              <tr key={name}>
                <th scope="row">
                  {tCode('policy.setting', name)}
                  {/* The key itself, for the agency's IT. */}
                  <div class="hint">
                    <code>{name}</code>
                  </div>
                </th>
                <td>
                  {name === 'hubEnrollmentCode'
                    ? // A shared secret of the agency: whoever reads it could enrol another browser.
                      t('hub.hidden')
                    : name === 'siteRules'
                      ? // A whole rules file: how many, and where they are listed one by one.
                        t('pageRules.policyValue', [String(siteRulesEnvelope(String(value))?.length ?? 0)])
                      : typeof value === 'boolean'
                        ? t(value ? 'policy.on' : 'policy.off')
                        : Array.isArray(value)
                          ? value.join(', ')
                          : String(value)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {parsed.ignored.length > 0 && (
        <ul class="status status-error" role="alert">
          {parsed.ignored.map((name) => (
            <li key={name}>
              {t('policy.ignoredOne', [tCode('policy.setting', name), name, tCode('policy.expects', name)])}
            </li>
          ))}
        </ul>
      )}
      {parsed.unknown.length > 0 && <p class="warning">{t('policy.unknown', [parsed.unknown.join(', ')])}</p>}
    </section>
  );
}
