// Tools the content script loads only when the agent asks (its own size budget stays as it is):
// the picker that teaches AOR Guard where a fact shows. They run in the content script's isolated
// world; the content script finds them under PAGE_TOOLS.
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PickerPanel, type PickerPhase } from '../../components/page-rules/PickerPanel';
import type { Message, Responses } from '../../lib/messages';
import { withTaughtFacts } from '../../lib/page-rules/apply';
import { learnLocator, textStops, tryRule } from '../../lib/page-rules/locate';
import { PAGE_TOOLS, type PageTools } from '../../lib/page-rules/page-tools';
import { generalisePath } from '../../lib/page-rules/path';
import { startPointing } from '../../lib/page-rules/picker';
import type { TaughtFact } from '../../lib/page-rules/rule';
import { redactPage } from '../../lib/page-rules/sample';
import { setChosenMessages, t, tCode } from '../../words/i18n';
import { mountHost, ownHosts } from '../enrollment.content/host';
import { relayInside } from '../enrollment.content/relay';
import pickerCss from './picker.css?inline';

/** The words of what the keyboard outlines, short enough for the panel's status line. */
function shortText(el: Element): string {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function pick(options: Parameters<PageTools['pick']>[0]): void {
  setChosenMessages(options.messages ?? null);
  // The person's events on the picker are kept from the page (lib/page-rules/picker.ts).
  const host = mountHost(pickerCss, 'picker');
  host.keepEvents(relayInside);
  const shield = document.createElement('div');
  shield.className = 'shield';
  shield.tabIndex = -1;
  shield.setAttribute('aria-label', t('picker.title'));
  shield.hidden = true;
  const outline = document.createElement('div');
  outline.className = 'outline';
  outline.hidden = true;
  const panel = document.createElement('div');
  host.container.append(shield, outline, panel);
  let fact: TaughtFact = options.fact ?? 'aorNpn';
  let phase: PickerPhase = { kind: 'pointing' };
  let learned: { anchor: string; offset: number; occurrence: number } | null = null;
  let pointing = point();

  function point() {
    return startPointing(document, { shield, ours: (el) => ownHosts().has(el) }, outline, {
      chosen(target) {
        const result = learnLocator(document.body, target, fact);
        if (result.ok) {
          learned = { anchor: result.anchor, offset: result.offset, occurrence: result.occurrence };
          show({ kind: 'read', value: result.value });
        } else show({ kind: 'problem', problem: result.problem, text: result.text });
      },
      cancelled: close,
      stops: () => textStops(document.body),
      moved(target) {
        show({ kind: 'pointing', at: shortText(target) });
      },
    });
  }
  function show(next: PickerPhase) {
    phase = next;
    render(
      h(PickerPanel, {
        fact,
        phase,
        onFact(next) {
          fact = next;
          again();
        },
        onSave: save,
        onAgain: again,
        onClose: close,
        onKeyboard: () => pointing.keyboard(),
      }),
      panel,
    );
  }
  function again() {
    pointing.stop();
    learned = null;
    pointing = point();
    show({ kind: 'pointing' });
    panel.querySelector<HTMLInputElement>('input:checked')?.focus();
  }
  async function save() {
    if (!learned) return;
    const name = `${tCode('picker.fact', fact)} · ${generalisePath(location.pathname)}`.slice(0, 80);
    const message: Message = { type: 'save-page-rule', name, fact, ...learned };
    try {
      const saved = (await browser.runtime.sendMessage(message)) as Responses['save-page-rule'];
      show({ kind: 'saved', name: saved.name });
      options.onSaved?.();
    } catch (err) {
      show({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  }
  function close() {
    pointing.stop();
    render(null, panel);
    host.remove();
  }
  show(phase);
  panel.querySelector<HTMLInputElement>('input:checked')?.focus();
}

export default defineUnlistedScript(() => {
  const tools: PageTools = {
    pick,
    teacher: (rules) => (facts, page) => withTaughtFacts(facts, page, rules),
    // Our own hosts (the banner's, the picker's) are not part of the page.
    sample: () => redactPage(document, ownHosts()),
    tryRule: (rule) => (document.body ? tryRule(document.body, rule) : undefined),
  };
  (globalThis as Record<symbol, unknown>)[PAGE_TOOLS] = tools;
});
