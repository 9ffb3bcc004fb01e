// Which pages a rule is for: the path with the parts that name a person, an agent or a record replaced
// by `*`, so a rule taught on one client's page works on every client's page, and an agency's on
// every agent's.

/** Segments that are an id: any digit, or a long token (a slug or hash). */
const ID_LIKE = /\d|^[A-Za-z0-9_-]{24,}$/;
/** HealthSherpa puts the agent's own slug after /agents/ (docs/DOMAIN.md). */
const OWNER_BEFORE = new Set(['agents', 'agent', 'agencies', 'agency']);

export function generalisePath(pathname: string): string {
  const parts = pathname.split('/');
  const out = parts.map((part, i) => {
    if (part === '') return part;
    const previous = parts[i - 1]?.toLowerCase() ?? '';
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return '*';
    }
    return ID_LIKE.test(decoded) || OWNER_BEFORE.has(previous) || !/^[A-Za-z0-9._~-]+$/.test(part)
      ? '*'
      : part;
  });
  return out.join('/').replace(/\/$/, '') || '/';
}

/** `*` stands for exactly one segment; a trailing slash does not matter. */
export function pathMatches(pattern: string, pathname: string): boolean {
  const want = pattern.replace(/\/$/, '').split('/');
  const have = pathname.replace(/\/$/, '').split('/');
  if (want.length !== have.length) return false;
  return want.every((part, i) => part === '*' || part.toLowerCase() === (have[i] ?? '').toLowerCase());
}

/** The rules for one page of one site. */
export function rulesFor<R extends { site: string; path: string }>(
  rules: readonly R[],
  site: string,
  pathname: string,
): R[] {
  return rules.filter((r) => r.site === site && pathMatches(r.path, pathname));
}
