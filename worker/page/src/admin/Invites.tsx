/** Invites for managers: a code per team and role, listed while live, copied or revoked. */
import { useState } from 'preact/hooks';
import type { Role } from '../../../../shared/api/index.ts';
import { me, teams } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { t } from '../i18n/index.ts';
import { createInvite, loadInvites, revokeInvite } from './api.ts';

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? t.value.admin.copied : t.value.admin.copy}
    </button>
  );
}

function teamName(id: string): string {
  return teams.value.find((x) => x.id === id)?.name ?? id;
}

export function Invites() {
  const m = t.value.admin;
  const [teamId, setTeamId] = useState(me.value?.team.id ?? '');
  const [role, setRole] = useState<Role>('rep');
  const list = useAsync(loadInvites, 'invites');
  const create = async (event: Event) => {
    event.preventDefault();
    await createInvite(teamId, role);
    list.reload();
  };
  const revoke = async (code: string) => {
    await revokeInvite(code);
    list.reload();
  };
  const live = (list.data?.invites ?? []).filter(
    (i) => !i.revoked && i.expiresAt > new Date().toISOString(),
  );
  return (
    <section class="card" aria-labelledby="invites-title">
      <h2 id="invites-title">{m.invites}</h2>
      <form class="row" onSubmit={create}>
        <label>
          {t.value.team}
          <TeamSelect name="invite-team" value={teamId} onChange={setTeamId} />
        </label>
        <label>
          {m.role}
          <select
            name="invite-role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
          >
            <option value="rep">{m.rep}</option>
            <option value="manager">{m.manager}</option>
          </select>
        </label>
        <button type="submit" class="primary">
          {m.createInvite}
        </button>
      </form>
      <div class="scroll">
        <table class="plain invites">
          <thead>
            <tr>
              <th scope="col">{m.code}</th>
              <th scope="col">{t.value.team}</th>
              <th scope="col">{m.role}</th>
              <th scope="col">{m.expires}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {live.map((i) => (
              <tr key={i.code} data-code={i.code}>
                <td>
                  <code>{i.code}</code>
                </td>
                <td class="team-name">{teamName(i.teamId)}</td>
                <td>{i.role === 'rep' ? m.rep : m.manager}</td>
                <td>{i.expiresAt.slice(0, 10)}</td>
                <td class="actions">
                  <CopyButton text={i.code} />
                  <button type="button" onClick={() => void revoke(i.code)}>
                    {m.revoke}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
