// The words a page sample keeps wherever they are (lib/page-rules/sample.ts): tests/unit/page-rules/
// sample.test.ts holds every fixture page to them.
import { STRUCTURE_WORDS } from '../../lib/page-rules/sample';
import { ALL_LABELS, SITE_WORDS } from '../../lib/sites/vocabulary';

const LABEL_WORDS = new Set(ALL_LABELS.flatMap((s) => s.label.toLowerCase().match(/\p{L}+/gu) ?? []));

/** A word of the reader's labels, of the sites' own words, or of the markup's structure. */
export function isVocabularyWord(word: string): boolean {
  const w = word.toLowerCase();
  return (
    STRUCTURE_WORDS.has(w) || LABEL_WORDS.has(w) || SITE_WORDS.some((p) => p.split(/[^\p{L}]+/u).includes(w))
  );
}
