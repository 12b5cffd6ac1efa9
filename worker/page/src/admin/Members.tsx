/** The members a manager manages: role, team, their logs and contest wins; removal. */
import { useState } from 'preact/hooks';
import type { Role } from '../../../../shared/api/index.ts';
import { me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { t } from '../i18n/index.ts';
import { MemberHonours } from '../overview/MemberHonours.tsx';
import { RecoveryLink } from '../signin/RecoveryLink.tsx';
import { loadMembers, removeMember, updateMember } from './api.ts';
import { MemberLogs } from './MemberLogs.tsx';

export function Members() {
  // Whose logs and evidence are open (one member at a time).
  const [logsOf, setLogsOf] = useState<string | null>(null);
  const m = t.value.admin;
  const list = useAsync(loadMembers, 'members');
  const self = me.value?.member.id;
  const change = async (id: string, patch: { role?: Role; teamId?: string }) => {
    await updateMember(id, patch);
    list.reload();
  };
  const remove = async (id: string) => {
    if (!confirm(m.removeConfirm)) return;
    await removeMember(id);
    list.reload();
  };
  return (
    <section class="card" aria-labelledby="members-title">
      <h2 id="members-title">{m.members}</h2>
      <div class="scroll">
        <table class="plain members">
          <thead>
            <tr>
              <th scope="col">{t.value.table.member}</th>
              <th scope="col">{m.role}</th>
              <th scope="col">{t.value.team}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {(list.data?.members ?? []).map((x) => (
              <tr key={x.id} data-member={x.id}>
                <td>
                  {x.name}
                  <div class="muted small">{x.email}</div>
                </td>
                <td>
                  <select
                    aria-label={`${m.role}: ${x.name}`}
                    value={x.role}
                    disabled={x.id === self}
                    onChange={(e) => void change(x.id, { role: e.currentTarget.value as Role })}
                  >
                    <option value="rep">{m.rep}</option>
                    <option value="manager">{m.manager}</option>
                  </select>
                </td>
                <td>
                  <TeamSelect
                    label={`${t.value.team}: ${x.name}`}
                    value={x.teamId}
                    disabled={x.id === self}
                    onChange={(teamId) => void change(x.id, { teamId })}
                  />
                </td>
                <td class="actions">
                  <button
                    type="button"
                    aria-expanded={logsOf === x.id}
                    onClick={() => setLogsOf(logsOf === x.id ? null : x.id)}
                  >
                    {t.value.evidence.show}
                  </button>
                  {x.id !== self && (
                    <button type="button" onClick={() => void remove(x.id)}>
                      {m.remove}
                    </button>
                  )}
                  {x.id !== self && <RecoveryLink member={x} />}
                  {logsOf === x.id && (
                    <>
                      <MemberHonours memberId={x.id} title={t.value.honours.contestWins} />
                      <MemberLogs memberId={x.id} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
