// The toolbar badge has one owner above the features (lib/dashboard/badge.browser.ts). A feature whose
// change may alter what the badge shows asks for a repaint here, so it needs no import of that owner; the
// worker's wiring (entrypoints/background.ts) names the painter.
type Painter = (now: Date) => Promise<void>;

let painter: Painter | undefined;

export function setBadgePainter(paint: Painter): void {
  painter = paint;
}

/** Repaints the badge as it stands at `now`; nothing before the worker named a painter. */
export function repaintBadge(now: Date): Promise<void> {
  return painter ? painter(now) : Promise.resolve();
}
