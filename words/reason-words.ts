import type { RiskAssessment, RiskReason } from '../lib/risk/rules';
import { tCode } from './i18n';

/**
 * A reason in the agent's language. The plan-year reasons name both years: the one submitted for and
 * the earlier one covered (lib/risk/rules.ts, planYears).
 */
export function reasonWords(reason: RiskReason, { planYears }: RiskAssessment): string {
  if ((reason === 'new-plan-year' || reason === 'reenrollment-unknown') && planYears)
    return tCode('reason', reason, [String(planYears.submission), String(planYears.coverage)]);
  return tCode('reason', reason);
}
