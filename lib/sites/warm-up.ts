// A page's first reading costs several times a later one: the engine compiles the reader's code and
// each of its patterns the first time they run (about 50 ms against 15 ms on the bench's client page,
// docs/PERFORMANCE.md). Reading this made-up page while the real one is still arriving, in an idle
// moment, moves that cost out of the time between the page's DOM and the banner. It is not any site's
// page: labels and sentences in both languages, some in characters past Latin-1 (the engine compiles a
// pattern apart for such text).
import { extractPageFacts } from './index';
import type { PageFacts } from './page-facts';

const SAMPLE = `<h1>Client details</h1>
<table>
<tr><th>Agent of record</th><td>Pat Example (NPN 1234567)</td></tr>
<tr><th>FFM application ID</th><td>1234567890</td></tr>
<tr><th>Coverage status</th><td>Effectuated</td></tr>
<tr><th>Coverage start</th><td>01/01/2026</td></tr>
<tr><th>Coverage end</th><td>Dec 31, 2026</td></tr>
<tr><th>State</th><td>Ohio</td></tr>
</table>
<dl>
<dt>Agente de registro</dt><dd>Ana Ejemplo – NPN 7654321</dd>
<dt>Estado de la cobertura</dt><dd>Vigente</dd>
<dt>Fecha de inicio</dt><dd>1 de enero de 2026</dd>
<dt>Solicitud</dt><dd>ID# 9876543210</dd>
</dl>
<p>2026 Ohio application</p>
<p>No 2027 enrollment.</p>
<p>Sin inscripción para 2027.</p>
<p>EDE Sync: Sync Complete</p>
<p>Consent collected 01/09/2026 – Review documented.</p>
<p>You don’t have active Marketplace coverage.</p>`;

/** Reads the made-up page as if it were at `url` (the site's own reader runs); the content script drops the facts. */
export function warmUpReader(url: URL): PageFacts | null {
  return extractPageFacts(new DOMParser().parseFromString(SAMPLE, 'text/html'), url);
}
