/**
 * What an invite link (`/?invite=<code>`, from "Create an organisation" or a manager) shows a rep:
 * what Pacer is and the three steps to join from the extension. It creates nothing: joining is
 * the extension's `POST /join` with this server and code.
 */
import { t } from '../i18n/index.ts';

export function Invited({ code }: { code: string }) {
  const m = t.value.invited;
  return (
    <main class="signin">
      <div class="card signin-card" data-testid="invited">
        <h1>{m.title}</h1>
        <p class="muted">{m.lead}</p>
        <ol>
          <li>{m.step1}</li>
          <li>
            {m.step2}
            <dl>
              <dt>{m.server}</dt>
              <dd>
                <code>{location.origin}</code>
              </dd>
              <dt>{m.code}</dt>
              <dd>
                <code data-testid="invited-code">{code}</code>
              </dd>
            </dl>
          </li>
          <li>{m.step3}</li>
        </ol>
      </div>
    </main>
  );
}

/** The invite code in the address, if it looks like one (Crockford base32, as issued). */
export const inviteInAddress = (): string | null => {
  const code = new URLSearchParams(location.search).get('invite')?.toUpperCase() ?? '';
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(code) ? code : null;
};
