// Rules the agency hands every agent through the `siteRules` policy key (lib/policy/keys.ts): the JSON
// of a rules file, as a string. Each rule is checked on its own, so one bad rule costs only itself; the
// dashboard lists the bad ones with why, for IT to fix.
import { z } from '../shared/schema';
import { type ActiveRule, firstIssue, MAX_RULES, pageRuleSchema } from './rule';

/** The file's envelope, rules unchecked: what the policy key itself requires. */
const envelopeSchema = z.object({
  format: z.literal('aor-guard-page-rules'),
  version: z.literal(1),
  rules: z.array(z.unknown()).check(z.maxLength(MAX_RULES)),
});

/** The rules of a `siteRules` value, unchecked one by one; undefined when it is not a rules file. */
export function siteRulesEnvelope(text: string): unknown[] | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = envelopeSchema.safeParse(raw);
  return parsed.success ? parsed.data.rules : undefined;
}

export interface AgencyRules {
  rules: ActiveRule[];
  /** `index`: the rule's place in the policy's list, from 0. */
  invalid: { index: number; name?: string; reason: string }[];
}

/** The agency's rules from its policy's `siteRules` (lib/policy/keys.ts), each checked as the import checks one. */
export function agencyRules(policy: { siteRules?: string }): AgencyRules {
  const out: AgencyRules = { rules: [], invalid: [] };
  const list = policy.siteRules === undefined ? [] : (siteRulesEnvelope(policy.siteRules) ?? []);
  const seen = new Map<string, number>();
  list.forEach((raw, index) => {
    const name =
      raw && typeof raw === 'object' && typeof (raw as { name?: unknown }).name === 'string'
        ? (raw as { name: string }).name.slice(0, 80)
        : undefined;
    const parsed = pageRuleSchema.safeParse(raw);
    if (!parsed.success) {
      const { path, reason } = firstIssue(parsed.error, '(the rule)');
      out.invalid.push({ index, name, reason: `${path}: ${reason}` });
      return;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      out.invalid.push({ index, name, reason: `id: the same id as rule ${first + 1}` });
      return;
    }
    seen.set(parsed.data.id, index);
    out.rules.push({ ...parsed.data, from: 'agency' });
  });
  return out;
}
