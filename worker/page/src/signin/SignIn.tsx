import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { ApiFailure } from '../app/api.ts';
import { loadSession, me, pendingSignin, signInState } from '../app/session.ts';
import { t } from '../i18n/index.ts';
import {
  listPasskeys,
  registerPasskey,
  signInWithPasskey,
  spendSigninCode,
  startSession,
} from './api.ts';
import { CreateOrg } from './CreateOrg.tsx';
import { Invited, inviteInAddress } from './Invited.tsx';

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
      offerPasskey.value = true;
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

/** A code typed or pasted: the code itself, or a sign-in link (`/signin?code=…`, `#signin=…`). */
export function codeFrom(text: string): string | null {
  const trimmed = text.trim();
  const fromLink = /[?&#](?:code|signin)=([A-Za-z0-9_-]{20,100})/.exec(trimmed)?.[1];
  const code = fromLink ?? trimmed;
  return /^[A-Za-z0-9_-]{20,100}$/.test(code) ? code : null;
}

/**
 * The signed-out page: a passkey first, then a sign-in code (the extension's "Open leaderboard",
 * or a manager's link), then "Create an organisation". A token (scripts, development) is still
 * accepted, folded away: it goes once to POST /session and is dropped; the cookie does the rest.
 */
export function SignIn({ onCreateOrg }: { onCreateOrg: () => void }) {
  const [token, setToken] = useState('');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeFailed = new URLSearchParams(location.search).get('signin') === 'failed';
  const m = t.value.signIn;

  /** Runs a sign-in; on success the page loads the board, on refusal `refused` is shown. */
  const attempt = async (run: () => Promise<unknown>, refused: string, other = refused) => {
    setBusy(true);
    setMessage(null);
    try {
      await run();
      history.replaceState(null, '', location.pathname + location.hash);
      await loadSession();
    } catch (error) {
      // The worker refused (ApiFailure), or the browser's passkey dialog was cancelled or failed.
      setMessage(error instanceof ApiFailure ? refused : other);
    } finally {
      setBusy(false);
    }
  };

  const submitToken = (event: Event) => {
    event.preventDefault();
    void attempt(() => startSession(token.trim()), m.failed);
  };
  const submitCode = (event: Event) => {
    event.preventDefault();
    const parsed = codeFrom(code);
    if (parsed === null) {
      setMessage(m.codeFailed);
      return;
    }
    void attempt(async () => {
      await spendSigninCode(parsed);
      offerPasskey.value = true;
    }, m.codeFailed);
  };

  return (
    <main class="signin">
      <div class="card signin-card">
        <h1>{m.title}</h1>
        <p class="muted">{m.lead}</p>
        {codeFailed && (
          <p class="notice" role="alert">
            {m.codeFailed}
          </p>
        )}
        <button
          type="button"
          class="primary"
          disabled={busy}
          data-testid="passkey-signin"
          onClick={() =>
            void attempt(() => signInWithPasskey(), m.passkeyFailed, m.passkeyCancelled)
          }
        >
          {m.passkey}
        </button>
        {message !== null && (
          <p class="error" role="alert">
            {message}
          </p>
        )}
        <form onSubmit={submitCode} class="signin-code">
          <h2>{m.codeTitle}</h2>
          <p class="muted">{m.codeHint}</p>
          <label>
            {m.code}
            <input
              name="code"
              autocomplete="one-time-code"
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
              required
            />
          </label>
          <button type="submit" disabled={busy || code.trim() === ''}>
            {m.useCode}
          </button>
        </form>
        <p class="signin-new">
          {m.newHere}{' '}
          <button type="button" class="link" data-testid="create-org" onClick={onCreateOrg}>
            {m.createOrg}
          </button>
        </p>
        <details class="signin-token">
          <summary>{m.tokenTitle}</summary>
          <form onSubmit={submitToken}>
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
            <button type="submit" disabled={busy || token.trim() === ''}>
              {m.submit}
            </button>
          </form>
        </details>
      </div>
    </main>
  );
}

/** Signed out: an invite link's instructions, the sign-in choices, or creating an organisation. */
export function SignedOut() {
  const [creating, setCreating] = useState(false);
  const invite = inviteInAddress();
  if (invite !== null) return <Invited code={invite} />;
  if (creating) return <CreateOrg onBack={() => setCreating(false)} />;
  return <SignIn onCreateOrg={() => setCreating(true)} />;
}

const PROMPT_DISMISSED = 'pacer-passkey-prompt-dismissed';
/** Set by a sign-in with a code (the extension's link, a manager's): the moment to offer a passkey. */
const offerPasskey = signal(false);

/**
 * Just signed in with a code, and no passkey on record: offers to add one (the session is fresh,
 * as registering needs), so the next sign-in needs no extension. "Not now" hides it in this
 * browser.
 */
export function PasskeyPrompt() {
  if (!offerPasskey.value) return null;
  return <PasskeyOffer />;
}

function PasskeyOffer() {
  const [show, setShow] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const m = t.value.signIn;
  useEffect(() => {
    if (localStorage.getItem(PROMPT_DISMISSED) === '1') return;
    listPasskeys().then(
      (r) => setShow(r.passkeys.length === 0),
      () => setShow(false),
    );
  }, []);
  if (!show) return null;
  const add = async () => {
    setBusy(true);
    try {
      await registerPasskey();
      setNote(m.passkeyAdded);
      setShow(false);
    } catch (error) {
      setNote(
        error instanceof ApiFailure && error.code === 'sign_in_again'
          ? m.staleSession
          : m.passkeyNotAdded,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card passkey-prompt" data-testid="passkey-prompt" aria-live="polite">
      <h2>{m.addPasskeyTitle}</h2>
      <p class="muted">{note ?? m.addPasskeyLead}</p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void add()}>
          {m.addPasskey}
        </button>
        <button
          type="button"
          onClick={() => {
            localStorage.setItem(PROMPT_DISMISSED, '1');
            setShow(false);
          }}
        >
          {m.later}
        </button>
      </div>
    </section>
  );
}
