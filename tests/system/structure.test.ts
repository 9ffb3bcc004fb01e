// A site is one entry in lib/sites/hosts.ts plus what makes it real and tested: its adapter, its fixture
// pages, its unit test and its end-to-end cases. This fails, naming the site and the missing piece, when
// any of them is absent, and when a fixture folder belongs to no site.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES, siteForHost } from '../../lib/sites/hosts';
import { PAGE_CASES } from '../e2e/cases.mjs';

const PAGES = 'tests/fixtures/pages';

/** Fixture folders no site owns, and why. */
const SHARED_FIXTURE_FOLDERS: Record<string, string> = {
  hostile: 'hostile markup that every adapter must survive (tests/unit/sites/hostile.test.ts)',
  blind:
    'pages written from docs/DOMAIN.md by someone who never saw lib/sites/ (tests/unit/sites/blind.test.ts)',
  blind2: 'the second round of blind pages, by another writer (tests/unit/sites/blind.test.ts)',
  blind3:
    'the third round: grid cards, timelines, tabs, households, rowspans, generated content, bidi overrides (tests/unit/sites/blind.test.ts)',
  blind4:
    'the fourth round: many NPNs beside the AOR, long pages, chips, split values, Material fields, Spanish (tests/unit/sites/blind.test.ts)',
};

/** A site id as a file or folder name: 'healthcare.gov' → 'healthcare-gov'. */
const fileName = (siteId: string) => siteId.replaceAll('.', '-');

const htmlIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : []);

/** What a site lacks, one sentence each; empty when it has everything. */
function missingFor(siteId: string): string[] {
  const name = fileName(siteId);
  const missing: string[] = [];
  if (!existsSync(path.join('lib/sites', `${name}.ts`))) missing.push(`no adapter lib/sites/${name}.ts`);
  if (htmlIn(path.join(PAGES, name)).length === 0)
    missing.push(`no fixture page: ${PAGES}/${name}/ needs at least one .html`);
  if (!existsSync(path.join('tests/unit/sites', `${name}.test.ts`)))
    missing.push(`no unit test tests/unit/sites/${name}.test.ts`);
  if (!PAGE_CASES.some((c) => c.fixture.startsWith(`${name}/`)))
    missing.push(`no case in tests/e2e/cases.mjs with a fixture under ${name}/`);
  return missing.map((m) => `${siteId}: ${m}`);
}

describe('one folder per site', () => {
  it.each(SITES.map((s) => [s.id]))('%s has an adapter, fixture pages, a unit test and e2e cases', (id) => {
    expect(missingFor(id)).toEqual([]);
  });

  it('names every missing piece of a site that has none', () => {
    expect(missingFor('example.org')).toEqual([
      'example.org: no adapter lib/sites/example-org.ts',
      `example.org: no fixture page: ${PAGES}/example-org/ needs at least one .html`,
      'example.org: no unit test tests/unit/sites/example-org.test.ts',
      'example.org: no case in tests/e2e/cases.mjs with a fixture under example-org/',
    ]);
  });

  it('every fixture folder belongs to a site, or is a named shared folder', () => {
    const siteFolders = new Set(SITES.map((s) => fileName(s.id)));
    const strays = readdirSync(PAGES, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .filter((name) => !siteFolders.has(name) && !(name in SHARED_FIXTURE_FOLDERS))
      .map((name) => `${PAGES}/${name}/ belongs to no site in lib/sites/hosts.ts and is not a shared folder`);
    expect(strays).toEqual([]);
  });

  it("every e2e case is served on a host of its fixture folder's site (the harness maps only those)", () => {
    const wrong = PAGE_CASES.flatMap((c) => {
      const folder = c.fixture.split('/')[0] ?? '';
      const site = siteForHost(c.host);
      if (folder in SHARED_FIXTURE_FOLDERS) return [];
      if (!site) return [`${c.id}: ${c.host} is no site's host in lib/sites/hosts.ts`];
      if (fileName(site.id) !== folder)
        return [`${c.id}: fixture ${c.fixture} is served on ${c.host}, a host of ${site.id}`];
      return [];
    });
    expect(wrong).toEqual([]);
  });
});
