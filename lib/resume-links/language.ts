// The language of a Resume Link message when the consumer's is unknown: the agent's own (docs/DOMAIN.md,
// "Help On Demand, for agents": the MLMS profile lists the languages an agent speaks, with levels).
import type { SpokenLanguage } from '../profile/marketplace';
import { LANGUAGE_LEVELS } from '../shared/languages';
import type { ResumeLinkLanguage } from './link';

/**
 * The consumer's language when known; else whichever of English and Spanish the agent speaks best (the
 * one listed first on a tie), since the agent will answer the consumer's reply; English when neither.
 */
export function messageLanguageFor(
  agentLanguages: readonly SpokenLanguage[],
  consumer?: ResumeLinkLanguage,
): ResumeLinkLanguage {
  if (consumer) return consumer;
  const rank = (l: SpokenLanguage) => LANGUAGE_LEVELS.indexOf(l.speaking);
  let best: SpokenLanguage | undefined;
  for (const l of agentLanguages)
    if ((l.code === 'en' || l.code === 'es') && (!best || rank(l) > rank(best))) best = l;
  return best?.code === 'es' ? 'es' : 'en';
}
