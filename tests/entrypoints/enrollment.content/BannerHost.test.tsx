import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Banner } from '../../../components/banner/Banner';
import { mountHost } from '../../../entrypoints/enrollment.content/host';
import { assessInvalidActionRisk } from '../../../lib/risk/rules';

const assessment = assessInvalidActionRisk({
  submittingNpn: '12345678',
  policyNpn: '87654321',
  hasActiveCoverage: true,
  pathway: 'agent',
});
const facts = {
  site: 'healthsherpa' as const,
  pageKind: 'client' as const,
  applicationId: '4567891230',
  aorNpn: '87654321',
  hasActiveCoverage: true,
  invalidActionError: false,
};

// jsdom has no popover API: the top layer is the browsers' (tests/e2e/hostile-page.test.mjs); here a
// popover only records that it was raised.
const raised = vi.fn();
Object.assign(HTMLElement.prototype, { showPopover: raised, hidePopover() {} });

const hosts: ReturnType<typeof mountHost>[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.remove();
});

function mounted() {
  const onDismiss = vi.fn();
  const onOpenDashboard = vi.fn();
  const host = mountHost('');
  hosts.push(host);
  render(
    <Banner
      assessment={assessment}
      facts={facts}
      submittingNpn="12345678"
      atRisk
      onDismiss={onDismiss}
      onOpenDashboard={onOpenDashboard}
    />,
    host.container,
  );
  const buttons = [...host.container.querySelectorAll('button')];
  return { host, buttons, onDismiss, onOpenDashboard };
}

describe('the banner host in the page', () => {
  it('is a bare element: closed root, no attribute, nothing of the banner in the page DOM', () => {
    mounted();
    const el = document.querySelector(':root > div');
    expect(el?.shadowRoot).toBeNull();
    expect(el?.getAttributeNames()).toEqual([]);
    expect(document.documentElement.textContent).not.toContain('12345678');
    expect(document.documentElement.outerHTML).not.toMatch(/blocked|at-risk|12345678/);
  });

  it('lets no script press a button: click(), dispatched clicks and keys do nothing', () => {
    const { buttons, onDismiss, onOpenDashboard } = mounted();
    expect(buttons.length).toBeGreaterThanOrEqual(3);
    for (const button of buttons) {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }
    expect(onDismiss).not.toHaveBeenCalled();
    expect(onOpenDashboard).not.toHaveBeenCalled();
    // The call script did not open either.
    const script = buttons.find((b) => b.getAttribute('aria-controls') === 'aor-guard-script');
    expect(script?.getAttribute('aria-expanded')).toBe('false');
  });

  it('is put back under the root element when the page removes or moves it', async () => {
    const { host } = mounted();
    const el = () => document.querySelector(':root > div');
    el()?.remove();
    await Promise.resolve();
    expect(el()?.parentNode).toBe(document.documentElement);
    const hidden = document.createElement('div');
    document.body.append(hidden);
    hidden.append(el() as Element);
    await Promise.resolve();
    expect(el()?.parentNode).toBe(document.documentElement);
    host.remove();
    await Promise.resolve();
    expect(el()).toBeNull();
  });

  it('is an element no page can define, whatever the page defined first', () => {
    const reached: unknown[] = [];
    // What a page can do to a custom element name of ours before we create it (docs/PRIVACY.md).
    customElements.define(
      'aor-guard-banner',
      class extends HTMLElement {
        constructor() {
          super();
          reached.push(this.attachInternals().shadowRoot, this.attachShadow({ mode: 'open' }));
        }
      },
    );
    customElements.define(
      'aor-guard-picker',
      class extends HTMLElement {
        static disabledFeatures = ['shadow'];
      },
    );
    const banner = mountHost('');
    const picker = mountHost('', 'picker');
    hosts.push(banner, picker);
    expect(reached).toEqual([]);
    expect([banner.host.tagName, picker.host.tagName]).toEqual(['DIV', 'SPAN']);
    expect(banner.host.shadowRoot).toBeNull();
    expect(banner.container.getRootNode()).not.toBe(document);
    expect(banner.box.contains(banner.container)).toBe(true);
  });

  it('goes back above what the page puts in the top layer', async () => {
    const { host } = mounted();
    raised.mockClear();
    const dialog = document.createElement('dialog');
    document.body.append(dialog);
    dialog.setAttribute('open', '');
    await Promise.resolve();
    expect(raised).toHaveBeenCalledTimes(1);
    const popover = document.createElement('div');
    document.body.append(popover);
    popover.dispatchEvent(Object.assign(new Event('toggle'), { newState: 'open' }));
    expect(raised).toHaveBeenCalledTimes(2);
    host.remove();
    popover.dispatchEvent(Object.assign(new Event('toggle'), { newState: 'open' }));
    expect(raised).toHaveBeenCalledTimes(2);
    dialog.remove();
    popover.remove();
  });
});
