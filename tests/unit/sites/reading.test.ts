import { describe, expect, it, vi } from 'vitest';
import { extractPageFacts } from '../../../lib/sites';
import { onceInReading, readingOnce } from '../../../lib/sites/reading';

describe('one reading of a page (lib/sites/reading.ts)', () => {
  it('answers each question once per root within a reading, and afresh in the next', () => {
    const a = document.createElement('div');
    const b = document.createElement('div');
    const work = vi.fn((root: Element) => ({ root }));
    const question = {};
    readingOnce(() => {
      const first = onceInReading(question, a, work);
      expect(onceInReading(question, a, work)).toBe(first);
      // A reading inside a reading is the same reading.
      readingOnce(() => expect(onceInReading(question, a, work)).toBe(first));
      onceInReading(question, b, work);
    });
    expect(work).toHaveBeenCalledTimes(2);
    readingOnce(() => onceInReading(question, a, work));
    onceInReading(question, a, work);
    onceInReading(question, a, work);
    expect(work).toHaveBeenCalledTimes(5);
  });

  it("walks the page's text once to read a client page, a menu with the error's name included", () => {
    const doc = new DOMParser().parseFromString(
      `<nav><a href="/agents/a/clients?tab=invalid_action">Invalid Action error</a></nav>
       <main><h1>Maria Lopez</h1><dl><dt>FFM application ID</dt><dd>4567891230</dd>
       <dt>Coverage status</dt><dd>Effectuated</dd><dt>Agent of record</dt><dd>Jane Broker (NPN 87654321)</dd></dl>
       <p>Synced from the Marketplace.</p></main>`,
      'text/html',
    );
    const walk = vi.spyOn(doc, 'createTreeWalker');
    const facts = extractPageFacts(doc, new URL('https://www.healthsherpa.com/agents/a/clients/1'));
    expect(facts).toMatchObject({ aorNpn: '87654321', invalidActionError: false });
    // jsdom's selector engine walks elements too: count the walks of text.
    expect(walk.mock.calls.filter(([, show]) => show === NodeFilter.SHOW_TEXT)).toHaveLength(1);
  });
});
