// Types for tests/e2e/red-team.mjs (plain JS for Node's test runner), so tests/unit/sites/red-team.test.ts
// can build its pages under tsc.

export type Lang = 'en' | 'es';
/** `reader: true`: words or a layout only the structural reader of issue 24 bullet 2 reads. */
export interface Word {
  label: string;
  reader?: boolean;
}
export const OURS: { name: string; npn: string };
export const OTHER: { name: string; npn: string };
export const APPLICATION_ID: string;
export const PLAN_YEAR: number;
export const AOR_WORDS: Record<Lang, Word[]>;
export const OTHER_ROLES: Record<Lang, Word[]>;
export const ACTIVE: Record<Lang, string[]>;
export type LayoutName =
  | 'keyValueTable'
  | 'dl'
  | 'cards'
  | 'ariaGrid'
  | 'materialLabelFirst'
  | 'materialInputFirst'
  | 'roleTable'
  | 'columnarPolicyTable'
  | 'spannedPolicyTable';
export const LAYOUTS: Record<LayoutName, { reader?: boolean; render: (p: unknown) => string }>;
export type Conceal =
  | 'none'
  | 'ariaHidden'
  | 'roleBanner'
  | 'roleNavigation'
  | 'nav'
  | 'header'
  | 'fixedEscapesClippedParent'
  | 'visibleInHiddenParent'
  | 'hiddenAttributeShown';
export const CONCEALS: Record<Conceal, (html: string) => string>;
export type Decoy =
  | 'fontSizeZero'
  | 'colorTransparent'
  | 'sameColourAsBackground'
  | 'clipPathInset'
  | 'scaleZero'
  | 'offToTheRight'
  | 'offToTheLeft'
  | 'screenReaderOnly'
  | 'clippedParent'
  | 'textIndent';
export const DECOYS: Record<Decoy, string | null>;
export interface RedTeamOptions {
  layout: LayoutName;
  lang?: Lang;
  aorLabel: string;
  otherRole?: string | null;
  status: string;
  conceal?: Conceal;
  decoy?: Decoy | null;
  decoyFirst?: boolean;
  via?: 'inline' | 'class';
  withReal?: boolean;
}
export function redTeamPage(options: RedTeamOptions): { head: string; body: string; html: string };
