// Where the banner sits: the agent's corner, unless the banner would cover what it talks about (the
// application ID cell, the agent of record's NPN, CMS's error sentence); then the first corner that
// leaves those in sight.
import { BANNER_CORNERS, type BannerCorner } from '../../lib/shared/banner-corner';
import type { BannerHost } from './host';

export function placeBanner(mounted: BannerHost, chosen: BannerCorner, about: unknown[]): void {
  let place = chosen;
  // The page elements whose own text holds one of these words: one pass over the page's text nodes.
  const targets: DOMRect[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (about.some((w) => w && text.includes(w as string)))
      targets.push((node.parentElement as Element).getBoundingClientRect());
  }
  const { width, height } = mounted.box.getBoundingClientRect();
  const { clientWidth, clientHeight } = document.documentElement;
  // The agent's corner, then the others in the settings' order.
  for (const corner of [chosen, ...BANNER_CORNERS]) {
    // 12 px from the edges (host.ts).
    const left = corner.endsWith('left') ? 12 : clientWidth - 12 - width;
    const top = corner.startsWith('top') ? 12 : clientHeight - 12 - height;
    if (
      !targets.some((r) => r.left < left + width && r.right > left && r.top < top + height && r.bottom > top)
    ) {
      place = corner;
      break;
    }
  }
  mounted.corner(place);
}
