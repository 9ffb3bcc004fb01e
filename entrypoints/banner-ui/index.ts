// The banner's UI, imported by the content script the first time a banner shows (lib/banner/banner-ui.ts).
import { h, render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Banner } from '../../components/banner/Banner';
import { BANNER_UI, type BannerUi } from '../../lib/banner/banner-ui';
import { setChosenMessages } from '../../words/i18n';
import { relayInside } from '../enrollment.content/relay';
import bannerCss from './banner.css?inline';

export default defineUnlistedScript(() => {
  const ui: BannerUi = {
    css: bannerCss,
    show(container, props, messages) {
      setChosenMessages(messages ?? null);
      render(h(Banner, props), container);
    },
    clear: (container) => render(null, container),
    relay: relayInside,
  };
  (globalThis as Record<symbol, unknown>)[BANNER_UI] = ui;
});
