// The blind pages (tests/fixtures/pages/blind*/README.md): written from docs/DOMAIN.md alone by people who
// never read lib/sites/ or our fixtures, each with the verdict a person reading it expects. Read by
// tests/unit/sites/blind.test.ts (without layout) and tests/e2e/blind-pages.test.mjs (both browsers).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/pages');

/** One folder per round of blind pages, in the order they were written. */
export const BLIND_FOLDERS = ['blind', 'blind2', 'blind3', 'blind4'];

/** Every blind page: `fixture` is its path under tests/fixtures/pages. */
export function blindPages() {
  return BLIND_FOLDERS.flatMap((folder) =>
    JSON.parse(fs.readFileSync(path.join(PAGES, folder, 'expected.json'), 'utf8')).map((page) => ({
      ...page,
      fixture: `${folder}/${page.file}`,
    })),
  );
}

/** The level the banner should say: "not affected" is a clear verdict. */
export const wantedLevel = (page) => (page.expected === 'not-affected' ? 'clear' : page.expected);

/**
 * Pages whose trick a stylesheet plays: only a browser's layout shows what a person reads, so without
 * layout the reader sees both lines and says caution (never clear); the browsers must get them right.
 */
export const LAYOUT_ONLY = {
  'blind/25-healthsherpa-hostile-aria-hidden-real-fontsize0-decoy.html':
    'the font-size:0 decoy is a stylesheet class: without layout both AOR lines count (caution)',
  'blind/26-healthsherpa-hostile-nav-real-transparent-decoy.html':
    'the transparent decoy (another status and AOR) is a stylesheet class: without layout, caution',
  'blind/28-benefitalign-hostile-fixed-escape-scale0-decoy.html':
    'the scale(0) decoy is a stylesheet class: without layout, caution',
  'blind/29-healthsherpa-hostile-es-header-real-offscreen-decoy.html':
    'the off-screen decoy is a stylesheet class: without layout, caution',
  'blind/30-healthcare-gov-hostile-es-visible-own-hidden-other.html':
    'the screen-reader-only and font-size:0 decoys are stylesheet classes: without layout, caution',
  'blind2/23-hostile-healthsherpa-es-same-colour-clip-offscreen.html':
    'the same-colour, clipped and off-screen decoys are stylesheet classes: without layout, caution',
  'blind2/24-hostile-healthsherpa-clear-with-invisible-other-aor.html':
    'the invisible "Cancelled" and other-AOR lines are stylesheet classes: without layout, caution',
  'blind3/13-hs-collapse-hiddeninput-scatter-sliver.html':
    'the collapsed row, the 1 px strip and the scattered letters are stylesheet classes: without layout, caution',
  'blind4/11-hcgov-es-hidden-decoy.html':
    'the decoy with our NPN is clipped to nothing by a stylesheet class: without layout both lines count, caution',
};

/**
 * Pages the reader reads otherwise than their writer, in every browser and without layout, and why. In the
 * browsers none is a wrong clear: they say caution where the writer says blocked (the safe side) or warn
 * where the writer says clear. Without layout two read clear (blind3/10 and 11: only stylesheets show what
 * a person reads there).
 */
export const KNOWN_MISSES = {
  'blind2/07-healthsherpa-client-health-ours-dental-other-2027.html':
    'blocked, the writer says caution: our health plan and another AOR on the active dental plan; the ' +
    'verdict takes the worst policy (the writer calls blocked the safe side)',
  'blind2/16-healthcare-gov-application-details-2026-life-change.html':
    'caution, the writer says not affected (the consumer submits): docs/DOMAIN.md judges HealthCare.gov ' +
    'for the agent and reads "Agent or broker helping you" as the helping agent, not the agent of record ' +
    '(blind/14 uses it for the submitting agent), so the NPN on the active policy is unknown; by DOMAIN the ' +
    'page is caution (blocked were the helper the AOR), never not affected',
  'blind2/17-healthcare-gov-es-reinscrito-automaticamente-2027.html':
    'blocked, the writer says not affected: HealthCare.gov is judged for the agent (docs/DOMAIN.md), and ' +
    'another agent is on the automatic 2027 re-enrollment',
  'blind3/10-hs-before-content-and-covered-decoy.html':
    'caution in browsers (the writer says blocked): the real AOR is drawn by CSS ::before, which the reader ' +
    'does not place but counts as an NPN a person reads (lib/sites/generated.ts), and a decoy with our NPN ' +
    'sits under an opaque box, which legibility does not see; without layout (no stylesheets) it reads clear',
  'blind3/11-hs-bidi-override-reversed-npn.html':
    'caution in browsers (the writer says blocked): the AOR number is drawn reversed by a right-to-left bidi ' +
    'override, so it is refused (lib/sites/legibility.ts); without layout the override is unseen and the ' +
    'number in the text (ours) reads clear',
  'blind3/12-hs-cv-opacity-cssvar-decoys.html':
    'caution, the writer says blocked: the decoys (white on white through CSS variables, ' +
    'content-visibility:hidden, opacity:0.01) are not all judged unreadable, so two AOR NPNs conflict',
  'blind4/07-hcgov-long-page-aor-far-below.html':
    'caution, the writer says blocked: HealthCare.gov\'s "Agent or broker" (a name) with the NPN in its own ' +
    '"National Producer Number (NPN)" field under an "Agent or broker on this coverage" heading is not read as ' +
    'the agent of record, so the NPN is one no one placed',
  'blind4/08-hcgov-es-clear-chip.html':
    'caution, the writer says clear: two applications on one page (2026 with our NPN in a link chip, 2025 ' +
    'terminated with no agent) read as two application IDs, and the chip is a link, not a value',
  'blind4/16-ba-long-page-past-year-offscreen-decoy.html':
    'caution, the writer says clear: a policies table (2025 terminated under another agent, 2026 active under ' +
    'ours) beside an "Active policy" card: the coverage of the page as a whole is not settled',
  'blind2/22-hostile-benefitalign-zero-width-fullwidth-template-noscript.html':
    'caution, the writer says blocked (and accepts caution): the BOR NPN holds zero-width characters and ' +
    'full-width digits, which the reader refuses rather than cleans (docs/DOMAIN.md), so no AOR NPN',
};
