/** Sign in with the server address and an invite code, or with an existing token. */
import { useState } from 'preact/hooks';
import type { Translate } from '../i18n/index.ts';
import { sendToBackground } from '../platform/send.ts';
import { humanError } from './errors.ts';
import { ensureServerPermission } from './server-permission.ts';

export function SignIn({ t, defaultServer }: { t: Translate; defaultServer: string }) {
  const [mode, setMode] = useState<'invite' | 'token'>('invite');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    setError(null);
    let server: string;
    try {
      server = new URL(field('server')).origin;
    } catch {
      setError(t('errorAddress'));
      return;
    }
    setBusy(true);
    // Asked first, inside the click: the browser shows no prompt after an await on the network.
    if (!(await ensureServerPermission(server))) {
      setBusy(false);
      setError(t('permissionDenied', { origin: server }));
      return;
    }
    const reply = await sendToBackground(
      mode === 'invite'
        ? {
            type: 'sign-in-invite',
            server,
            code: field('code'),
            name: field('name'),
            email: field('email'),
            timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          }
        : { type: 'sign-in-token', server, token: field('token') },
    );
    setBusy(false);
    if (!reply.ok) setError(humanError(t, reply, { server, signIn: mode }));
  }

  return (
    <form onSubmit={submit} aria-busy={busy}>
      <label>
        <span>{t('server')}</span>
        <input name="server" type="url" required defaultValue={defaultServer} />
      </label>
      {mode === 'invite' ? (
        <>
          <label>
            <span>{t('inviteCode')}</span>
            <input name="code" required minLength={4} autoComplete="off" />
          </label>
          <label>
            <span>{t('yourName')}</span>
            <input name="name" required autoComplete="name" />
          </label>
          <label>
            <span>{t('yourEmail')}</span>
            <input name="email" type="email" required autoComplete="email" />
          </label>
        </>
      ) : (
        <label>
          <span>{t('token')}</span>
          <input name="token" required minLength={16} autoComplete="off" />
        </label>
      )}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="row">
        <button type="submit" disabled={busy}>
          {t('signIn')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => setMode(mode === 'invite' ? 'token' : 'invite')}
        >
          {mode === 'invite' ? t('useToken') : t('useInvite')}
        </button>
      </div>
    </form>
  );
}
