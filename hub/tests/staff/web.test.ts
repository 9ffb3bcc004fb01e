import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { buildWeb } from '../../web/build-web.mjs';
import { startHub, type TestHub } from '../support/hub';

let hub: TestHub;
let webDir: string;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  hub = await startHub();
  webDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-web-'));
  await buildWeb({ outdir: webDir, minify: false });
  app = createApp({ pool: hub.pool, now: hub.now, webDir });
});
afterAll(async () => {
  await hub.close();
  await fs.rm(webDir, { recursive: true, force: true });
});

describe('the web app', () => {
  it('is served under / with a policy that loads only its own script and style', async () => {
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="/app.js"></script>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await app.request('/app.js');
    expect(script.status).toBe(200);
    // The extension's words the reused table speaks, in both languages, and no browser extension API.
    const code = await script.text();
    expect(code).toContain('Filed with CMS help desk');
    expect(code).toContain('Presentado a la mesa de ayuda de CMS');
    // The consumer data check's words (components/call-reports/PiiReview.tsx) in both languages.
    expect(code).toContain('things in the summary look like consumer data');
    expect(code).toContain('datos del resumen parecen del consumidor');
    expect(code).not.toMatch(/browser\.i18n|chrome\.runtime|indexedDB/);
  });

  it('answers a file it does not have with the hub’s 404', async () => {
    const res = await app.request('/missing.js');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'notFound' } });
  });
});
