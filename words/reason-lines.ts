import type { RiskAssessment } from '../lib/risk/rules';
import { REFUSED_NUMBER } from '../lib/sites/vocabulary';
import { t } from './i18n';
import { reasonWords } from './reason-words';

/** A fact's value as a taught rule or the reader read it, in the agent's words (lib/risk/gate.ts). */
function factValue(fact: string, value: string): string {
  if (fact !== 'hasActiveCoverage') return value;
  return value
    .split(', ')
    .map((v) => (v === 'true' ? t('reason.coverageActive') : t('reason.coverageNotActive')))
    .join(' / ');
}

/**
 * The reasons of an assessment as lines a person reads, each NPN the gate could not place and each rule
 * that disagrees with the reader named on a line of its own. Page text stays text (rendered by the caller).
 */
export function reasonLines(assessment: RiskAssessment): { key: string; text: string }[] {
  return assessment.reasons.flatMap((r) => {
    const line = { key: r, text: reasonWords(r, assessment) };
    if (r === 'npn-unplaced')
      return [
        line,
        ...(assessment.unplacedNpns ?? []).map((n) => ({
          key: `${r}-${n.npn}`,
          text:
            n.npn === REFUSED_NUMBER
              ? t('reason.unreadableNpn', [n.label])
              : t('reason.unplacedNpn', [n.npn, n.label]),
        })),
      ];
    if (r === 'taught-disagrees')
      return [
        line,
        ...(assessment.taughtDisagrees ?? []).map((d) => ({
          key: `${r}-${d.fact}`,
          text: t('reason.taughtDisagrees', [d.rule, factValue(d.fact, d.taught), factValue(d.fact, d.read)]),
        })),
      ];
    return [line];
  });
}
