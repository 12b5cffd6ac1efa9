import { useState } from 'preact/hooks';
import { ApiFailure } from '../app/api.ts';
import { loadSession, me, pendingSignin, signInState } from '../app/session.ts';
import { t } from '../i18n/index.ts';
import { spendSigninCode, startSession } from './api.ts';

/**
 * A sign-in link opened in this browser (`#signin=<code>`): nothing happens until the member
 * confirms, so a link another site sent them to can neither sign them in nor replace the account
 * they are signed in with (login CSRF). The confirmation is a same-origin POST; replacing an open
 * session sends its CSRF secret too (api.ts adds it).
 */
export function ConfirmSignin({ code }: { code: string }) {
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const m = t.value.signIn;
  const current = signInState.value === 'signed-in' ? me.value?.member.name : undefined;

  const confirm = async () => {
    setBusy(true);
    try {
      await spendSigninCode(code);
      pendingSignin.value = null;
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
      <div class="card signin-card" data-testid="confirm-signin">
        <h1>{m.confirmTitle}</h1>
        {failed ? (
          <p class="notice" role="alert">
            {m.codeFailed}
          </p>
        ) : (
          <>
            <p class="muted">{m.confirmLead}</p>
            {current !== undefined && <p class="notice">{m.confirmSwitch(current)}</p>}
          </>
        )}
        <div class="actions">
          {!failed && (
            <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
              {m.confirm}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              pendingSignin.value = null;
            }}
          >
            {m.cancel}
          </button>
        </div>
      </div>
    </main>
  );
}

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
