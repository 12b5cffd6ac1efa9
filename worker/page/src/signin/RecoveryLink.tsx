/**
 * A manager's way back in for a member who lost their passkey or device: a one-hour, single-use
 * sign-in link (`POST /session/codes/{memberId}`), shown as text and as a QR code to scan.
 */
import { useState } from 'preact/hooks';
import type { RecoveryCodeResponse } from '../../../../shared/api/index.ts';
import { ApiFailure } from '../app/api.ts';
import { t } from '../i18n/index.ts';
import { recoveryLink } from './api.ts';
import { Qr } from './InviteQr.tsx';

type Link = typeof RecoveryCodeResponse._output;

export function RecoveryLink({ member }: { member: { id: string; name: string } }) {
  const [link, setLink] = useState<Link | null>(null);
  const [error, setError] = useState<string | null>(null);
  const m = t.value.recovery;
  const make = async () => {
    setError(null);
    try {
      setLink(await recoveryLink(member.id));
    } catch (failure) {
      if (!(failure instanceof ApiFailure)) throw failure;
      setError(failure.message);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void make()} aria-expanded={link !== null}>
        {m.make}
      </button>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {link !== null && (
        <div class="recovery-link" data-testid="recovery-link">
          <p class="muted">{m.lead(member.name)}</p>
          <Qr text={link.url} label={m.qr} size={144} />
          <input readOnly value={link.url} aria-label={m.make} />
          <button type="button" onClick={() => setLink(null)}>
            {m.close}
          </button>
        </div>
      )}
    </>
  );
}
