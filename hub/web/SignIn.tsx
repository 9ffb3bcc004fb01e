import { useState } from 'preact/hooks';
import {
  type StaffMe as Me,
  PASSWORD_MIN,
  type PasswordChange,
  type SignInRequest,
} from '#lib/hub/contract/staff';
import { api } from './api';
import { h } from './messages';

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** Plain http beyond loopback: the browser drops the Secure session cookie (hub/src/transport.ts). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const plainHttp = () => location.protocol === 'http:' && !LOOPBACK.has(location.hostname);

export function SignIn(props: { onSignedIn(me: Me): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      props.onSignedIn(
        await api<Me>('/session', { method: 'POST', body: { email, password } satisfies SignInRequest }),
      );
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card stack narrow" onSubmit={submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">{h('signInHeading')}</h2>
      {plainHttp() && (
        <p role="alert" class="status-error">
          {h('error.auth.plainHttp')}
        </p>
      )}
      <label for="sign-in-email">{h('email')}</label>
      <input
        id="sign-in-email"
        type="email"
        autocomplete="username"
        required
        value={email}
        onInput={(e) => setEmail(value(e))}
      />
      <label for="sign-in-password">{h('password')}</label>
      <input
        id="sign-in-password"
        type="password"
        autocomplete="current-password"
        required
        value={password}
        onInput={(e) => setPassword(value(e))}
      />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? h('signingIn') : h('signIn')}
        </button>
      </div>
      <p role="alert" class="status-error">
        {error}
      </p>
    </form>
  );
}

export function ChangePassword(props: { onChanged(): void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (next.length < PASSWORD_MIN) {
      setError(h('passwordTooShort'));
      return;
    }
    try {
      await api('/password', { method: 'POST', body: { current, next } satisfies PasswordChange });
      props.onChanged();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form class="card stack narrow" onSubmit={submit} aria-labelledby="password-heading">
      <h2 id="password-heading">{h('changePasswordHeading')}</h2>
      <p>{h('changePasswordIntro')}</p>
      <label for="password-current">{h('currentPassword')}</label>
      <input
        id="password-current"
        type="password"
        autocomplete="current-password"
        required
        value={current}
        onInput={(e) => setCurrent(value(e))}
      />
      <label for="password-next">{h('newPassword')}</label>
      <input
        id="password-next"
        type="password"
        autocomplete="new-password"
        required
        minLength={PASSWORD_MIN}
        value={next}
        onInput={(e) => setNext(value(e))}
      />
      <div class="actions">
        <button type="submit">{h('savePassword')}</button>
      </div>
      <p role="alert" class="status-error">
        {error}
      </p>
    </form>
  );
}
