// The corners the agent can put the banner in: a setting (lib/storage/settings.ts), a field of the banner's
// answer (lib/messages/index.ts) and where the banner is placed (lib/banner/), so it stands under all three.
/** In the order the banner tries them when the agent's own would cover what it talks about. */
export const BANNER_CORNERS = ['top-right', 'bottom-right', 'top-left', 'bottom-left'] as const;
export type BannerCorner = (typeof BANNER_CORNERS)[number];
