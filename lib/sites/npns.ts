// Every NPN a person can read on a page, with the words it stands beside: what lets the verdict's gate
// (lib/risk/gate.ts) refuse "clear" while an NPN on the page is one the reader cannot place.
import { AOR_WORDS, BARE_NPN_LABEL, NOT_AOR_ROLE, REFUSED_NUMBER } from './vocabulary';

export interface NpnSeen {
  npn: string;
  /** The words beside it on the page ("Assistor: S. Helper"), as a person would name where it is. */
  label: string;
  /** Whose NPN the words say it is: the agent of record's, someone else's, or they do not say. */
  role?: 'aor' | 'other';
}

/** "NPN: 12345678", or a number the reader refused there (it still stands for an NPN a person reads). */
const MENTION = new RegExp(
  String.raw`\b(?:npn|national producer number)\b\s*\)?\s*(?:#|no\.?|number)?\s*[:：]?\s*(\d{1,10}(?!\p{Nd})|${REFUSED_NUMBER})`,
  'giu',
);
/** Another role's words, or the agency's Override NPN (what the agent submits with, not an AOR). */
const ROLE_WORDS = new RegExp(`(${NOT_AOR_ROLE}|\\boverride)|\\b(${AOR_WORDS}|aor|bor)\\b`, 'gi');
const LABEL_MAX = 60;
/** A role named right after the number: "Ricardo Fuentes (NPN 4120988) como agente que escribió". */
const ROLE_AFTER = new RegExp(
  `^\\s*\\)?\\s*,?\\s*(?:as|como)\\s+(?:(?:the|an?|el|la)\\s+)?(?:${NOT_AOR_ROLE}|(${AOR_WORDS}))`,
  'i',
);
/** How many blocks back a role heading may name the person whose NPN this is ("Assistor" / name / NPN). */
const LOOK_BACK = 2;
const LOOK_BACK_MAX = 80;

/** The role the last role word in the text names (the one nearest the number). */
function roleIn(text: string): NpnSeen['role'] {
  let role: NpnSeen['role'];
  for (const m of text.matchAll(ROLE_WORDS)) role = m[1] ? 'other' : 'aor';
  return role;
}

function labelText(text: string): string {
  return text
    .replace(/[\s,;:|/·•(–—-]+$/, '')
    .trim()
    .slice(0, LABEL_MAX);
}

function seen(blocks: string[], index: number, npn: string, before: string, after = ''): NpnSeen {
  const named = ROLE_AFTER.exec(after);
  let role = named ? (named[1] ? 'aor' : 'other') : roleIn(before);
  let label = labelText(before);
  for (let back = 1; back <= LOOK_BACK && role === undefined; back++) {
    const block = blocks[index - back];
    if (block === undefined || block.length > LOOK_BACK_MAX) break;
    role = roleIn(block);
    if (role !== undefined || !/\p{L}/u.test(label)) label = labelText(`${labelText(block)} ${label}`);
  }
  return { npn, label: /\p{L}/u.test(label) ? label : 'NPN', ...(role ? { role } : {}) };
}

/** Every NPN on the page: after the word "NPN" in a block, or in the block after a bare "… NPN" label. */
export function npnsOnPage(blocks: string[]): NpnSeen[] {
  const out: NpnSeen[] = [];
  blocks.forEach((block, i) => {
    if (!/npn|national producer/i.test(block)) return;
    let found = false;
    for (const m of block.matchAll(MENTION)) {
      found = true;
      const end = m.index + m[0].length;
      out.push(seen(blocks, i, m[1] as string, block.slice(0, m.index), block.slice(end, end + LABEL_MAX)));
    }
    const next = blocks[i + 1];
    if (!found && next !== undefined && BARE_NPN_LABEL.test(block) && /^\d{1,10}$/.test(next))
      out.push(seen(blocks, i, next, block.replace(BARE_NPN_LABEL, '')));
  });
  return out;
}
