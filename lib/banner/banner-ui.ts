// What the lazily loaded banner UI (entrypoints/banner-ui) offers the content script, which finds it
// under this symbol in their shared isolated world once it has imported it. The content script alone
// reads every enrollment page; the UI (Preact, the banner, its words) loads only when a banner shows.
import type { BannerProps } from '../../components/banner/Banner';

export const BANNER_UI = Symbol.for('aor-guard.banner-ui');

export interface BannerUi {
  /** The banner's styles, for the closed shadow root (entrypoints/enrollment.content/host.ts). */
  css: string;
  /** Draws the banner in `container`; `messages`: the words in the language the agent chose. */
  show(container: HTMLElement, props: BannerProps, messages?: Record<string, { message: string }>): void;
  clear(container: HTMLElement): void;
  /** What takes the person's events on the banner, kept from the page (host.ts BannerHost keepEvents). */
  relay(root: ShadowRoot): (event: Event) => void;
}
