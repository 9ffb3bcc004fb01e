// The hub's web app: sign-in, the one-time password's replacement, then the sections the person's role
// opens (hash routes, so the hub serves one page).
import { useEffect, useState } from 'preact/hooks';
import type { StaffMe as Me } from '#lib/hub/contract/staff';
import { AdminPage } from './AdminPage';
import { ApiError, api, setCsrfToken, whenSessionEnds } from './api';
import { CasesPage } from './CasesPage';
import { ConsentPage } from './ConsentPage';
import { followHubLanguage } from './dates';
import { currentLang, h, LANGS, type Lang, setHubLang } from './messages';
import { ReportsPage } from './ReportsPage';
import { SendsPage } from './SendsPage';
import { ChangePassword, SignIn } from './SignIn';

type Section = 'reports' | 'cases' | 'sends' | 'consent' | 'admin';
const SECTIONS: Section[] = ['reports', 'cases', 'sends', 'consent', 'admin'];
const sectionOf = (hash: string): Section => SECTIONS.find((s) => hash === `#/${s}`) ?? 'reports';

const LANG_KEY = 'hub.lang';
const LANG_NAMES: Record<Lang, string> = { en: 'English', es: 'Español' };

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [lang, setLang] = useState<Lang>(currentLang());
  const [section, setSection] = useState<Section>(sectionOf(location.hash));
  const signedIn = (m: Me | null) => {
    if (m) setCsrfToken(m.csrfToken);
    setMe(m);
  };
  useEffect(() => {
    whenSessionEnds(() => signedIn(null));
    api<Me>('/session').then(signedIn, () => signedIn(null));
    const onHash = () => setSection(sectionOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const chooseLang = (next: Lang) => {
    setHubLang(next);
    followHubLanguage(next);
    document.documentElement.lang = next;
    localStorage.setItem(LANG_KEY, next);
    setLang(next);
  };
  const signOut = async () => {
    await api('/session', { method: 'DELETE' }).catch((err) => {
      if (!(err instanceof ApiError && err.status === 401)) throw err;
    });
    signedIn(null);
  };

  const header = (
    <header class="hub-header">
      <h1>{h('appName')}</h1>
      <label>
        {h('language')}{' '}
        <select
          value={lang}
          onChange={(e) => chooseLang((e.currentTarget as HTMLSelectElement).value as Lang)}
        >
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      {me ? (
        <p class="hint">
          {h('signedInAs', me.user.email, h(`role.${me.user.role}`))}{' '}
          <button type="button" onClick={signOut}>
            {h('signOut')}
          </button>
        </p>
      ) : null}
    </header>
  );
  if (me === undefined) return <main aria-busy="true">{header}</main>;
  if (me === null)
    return (
      <main class="stack">
        {header}
        <SignIn onSignedIn={signedIn} />
      </main>
    );
  if (me.user.mustChangePassword)
    return (
      <main class="stack">
        {header}
        <ChangePassword
          onChanged={() => signedIn({ ...me, user: { ...me.user, mustChangePassword: false } })}
        />
      </main>
    );
  const sections = SECTIONS.filter((s) => s !== 'admin' || me.user.role === 'admin');
  return (
    <div class="stack">
      {header}
      <nav aria-label={h('nav')}>
        <ul class="hub-nav">
          {sections.map((s) => (
            <li key={s}>
              <a href={`#/${s}`} aria-current={section === s ? 'page' : undefined}>
                {h(`section.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="stack" key={lang}>
        {section === 'reports' ? <ReportsPage me={me} /> : null}
        {section === 'cases' ? <CasesPage /> : null}
        {section === 'sends' ? <SendsPage /> : null}
        {section === 'consent' ? <ConsentPage me={me} /> : null}
        {section === 'admin' && me.user.role === 'admin' ? <AdminPage me={me} /> : null}
      </main>
    </div>
  );
}

/** Before the first paint: the language chosen last time, else the browser's. */
export function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'en' || saved === 'es') return saved;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}
