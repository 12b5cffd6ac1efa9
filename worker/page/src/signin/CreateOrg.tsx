/**
 * A manager's first day without a terminal: create the organisation (name, time zone, currency,
 * calendar basics, an optional first monthly target), then a passkey for signing in from now on,
 * then the invite link with its QR code. Every step is the public API: `POST /orgs` (open while
 * the server's sign-up is), the token it answers traded once for the page's cookie session, then
 * `PATCH /org`, `PUT /targets` and `POST /passkeys` with that session.
 */
import { useState } from 'preact/hooks';
import {
  type CreateOrgResponse,
  OrgResponse,
  SessionInfoResponse,
} from '../../../../shared/api/index.ts';
import { localDateOf } from '../../../../shared/domain/dates.ts';
import { metricLabel } from '../../../../shared/domain/metrics.ts';
import { parseAmount } from '../../../../shared/domain/money.ts';
import { ApiFailure, api, get, send, setCsrfToken } from '../app/api.ts';
import { loadSession } from '../app/session.ts';
import { locale, t } from '../i18n/index.ts';
import { createOrg, registerPasskey, startSession } from './api.ts';
import { Qr } from './InviteQr.tsx';

const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'SGD', 'AUD', 'CAD', 'INR'];
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const zones = (): string[] => {
  const all = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return all ? all('timeZone') : [browserZone()];
};

/** The link a rep opens (or scans): the page's invitation with the server and code. */
export const inviteUrl = (code: string) => {
  const url = new URL('/', location.origin);
  url.searchParams.set('invite', code);
  return url.toString();
};

type Step =
  | { kind: 'form' }
  | { kind: 'passkey'; created: CreateOrgResponse }
  | { kind: 'invite'; created: CreateOrgResponse };

export function CreateOrg({ onBack }: { onBack: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const m = t.value.setup;

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const timezone = field('timezone');
    const currency = field('currency');
    const targetText = field('target');
    const target = targetText === '' ? null : parseAmount(targetText, currency);
    if (target === null && targetText !== '') {
      setError(m.targetInvalid);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await createOrg({
        name: field('org'),
        timezone,
        currency,
        manager: { name: field('name'), email: field('email') },
      });
      // The token is traded once for this browser's cookie session; writes then carry its CSRF.
      await startSession(created.token);
      setCsrfToken((await get(SessionInfoResponse, api.session.$get())).csrfToken);
      const calendar = {
        ...created.org.settings.calendar,
        weekStart: Number(field('weekStart')),
        workweeks: [field('workdays') === 'mon-sat' ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5]],
      };
      const org = await send(api.org.$patch({ json: { calendar } }), OrgResponse);
      if (target !== null && target > 0) {
        const today = localDateOf(new Date(), timezone);
        await send(
          api.targets.$put({
            json: {
              scope: 'team',
              teamId: created.team.id,
              metric: org.org.settings.primaryMetric,
              period: { kind: 'month', start: `${today.slice(0, 8)}01` },
              value: target,
            },
          }),
        );
      }
      setStep({ kind: 'passkey', created });
    } catch (failure) {
      if (!(failure instanceof ApiFailure)) throw failure;
      setError(failure.code === 'signup_closed' ? m.closed : m.failed(failure.message));
    } finally {
      setBusy(false);
    }
  };

  if (step.kind === 'passkey') {
    return <PasskeyStep onDone={() => setStep({ kind: 'invite', created: step.created })} />;
  }
  if (step.kind === 'invite') return <InviteStep created={step.created} />;

  const primary = metricLabel('revenue', locale.value);
  return (
    <main class="signin">
      <form class="card signin-card" onSubmit={submit} data-testid="create-org-form">
        <h1>{m.title}</h1>
        <p class="muted">{m.lead}</p>
        <label>
          {m.orgName}
          <input name="org" required maxLength={80} autocomplete="organization" />
        </label>
        <label>
          {m.yourName}
          <input name="name" required maxLength={80} autocomplete="name" />
        </label>
        <label>
          {m.yourEmail}
          <input name="email" type="email" required autocomplete="email" />
        </label>
        <label>
          {m.timezone}
          <select name="timezone" defaultValue={browserZone()}>
            {zones().map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.currency}
          <select name="currency" defaultValue={locale.value === 'zh-CN' ? 'CNY' : 'USD'}>
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.weekStart}
          <select name="weekStart" defaultValue="1">
            <option value="1">{m.monday}</option>
            <option value="7">{m.sunday}</option>
          </select>
        </label>
        <label>
          {m.workdays}
          <select name="workdays" defaultValue="mon-fri">
            <option value="mon-fri">{m.monFri}</option>
            <option value="mon-sat">{m.monSat}</option>
          </select>
        </label>
        <label>
          {m.target(primary)}
          <input name="target" inputMode="decimal" autocomplete="off" placeholder="1,000,000" />
        </label>
        {error !== null && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {m.create}
          </button>
          <button type="button" onClick={onBack}>
            {m.back}
          </button>
        </div>
      </form>
    </main>
  );
}

function PasskeyStep({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const m = t.value.setup;
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      await registerPasskey();
      onDone();
    } catch {
      setError(t.value.signIn.passkeyNotAdded);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="signin">
      <div class="card signin-card" data-testid="create-passkey">
        <h1>{m.passkeyTitle}</h1>
        <p class="muted">{m.passkeyLead}</p>
        {error !== null && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void create()}>
            {t.value.signIn.addPasskey}
          </button>
          <button type="button" onClick={onDone}>
            {t.value.signIn.later}
          </button>
        </div>
      </div>
    </main>
  );
}

function InviteStep({ created }: { created: CreateOrgResponse }) {
  const [copied, setCopied] = useState(false);
  const m = t.value.setup;
  const link = inviteUrl(created.inviteCode);
  return (
    <main class="signin">
      <div class="card signin-card" data-testid="invite-step">
        <h1>{m.inviteTitle}</h1>
        <p class="muted">{m.inviteLead}</p>
        <Qr text={link} label={m.qr} />
        <p>
          {m.inviteCode}: <strong data-testid="invite-code">{created.inviteCode}</strong>
        </p>
        <input readOnly value={link} data-testid="invite-link" aria-label={m.inviteCode} />
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(link).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? m.copied : m.copy}
        </button>
        <details>
          <summary>{m.tokenTitle}</summary>
          <p class="muted">{m.tokenLead}</p>
          <input readOnly value={created.token} aria-label={m.tokenTitle} />
        </details>
        <button type="button" class="primary" onClick={() => void loadSession()}>
          {m.open}
        </button>
      </div>
    </main>
  );
}
