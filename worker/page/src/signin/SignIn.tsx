import { useState } from 'preact/hooks';
import { ApiFailure } from '../app/api.ts';
import { loadSession } from '../app/session.ts';
import { t } from '../i18n/index.ts';
import { startSession } from './api.ts';

/** Token sign-in: the token goes once to POST /session and is dropped; the cookie does the rest. */
export function SignIn() {
  const [token, setToken] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const codeFailed = new URLSearchParams(location.search).get('signin') === 'failed';
  const m = t.value.signIn;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      await startSession(token.trim());
      history.replaceState(null, '', location.pathname + location.hash);
      await loadSession();
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="signin">
      <form class="card signin-card" onSubmit={submit}>
        <h1>{m.title}</h1>
        <p class="muted">{m.lead}</p>
        {codeFailed && (
          <p class="notice" role="alert">
            {m.codeFailed}
          </p>
        )}
        <label>
          {m.token}
          <input
            name="token"
            type="password"
            autocomplete="off"
            value={token}
            onInput={(e) => setToken(e.currentTarget.value)}
            required
          />
        </label>
        {failed && (
          <p class="error" role="alert">
            {m.failed}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy || token.trim() === ''}>
          {m.submit}
        </button>
      </form>
    </main>
  );
}
