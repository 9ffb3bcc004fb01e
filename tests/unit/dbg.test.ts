import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { PAGE_CASES } from '../e2e/cases.mjs';
import { extractPageFacts } from '../../lib/sites';
import { textBlocks } from '../../lib/sites/labels';
it('dbg', () => {
  for (const id of (process.env.DBG ?? '').split(',')) {
    const c = PAGE_CASES.find((x) => x.id === id)!;
    const doc = new DOMParser().parseFromString(readFileSync(`tests/fixtures/pages/${c.fixture}`, 'utf8'), 'text/html');
    console.log(id, JSON.stringify(textBlocks(doc.body)).slice(0, 3000));
    console.log('FACTS', JSON.stringify(extractPageFacts(doc, new URL(`https://${c.host}${c.path}`))));
    console.log('EXPECT', c.level, JSON.stringify(c.facts));
  }
});
