/**
 * The members a manager manages: role, team, their logs and contest wins; removal; and the
 * removed ones, each with an explicit Restore (the only way back: a join never revives one).
 */
import { useState } from 'preact/hooks';
import type { Role } from '../../../../shared/api/index.ts';
import { ApiFailure } from '../app/api.ts';
import { me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { t } from '../i18n/index.ts';
import { MemberHonours } from '../overview/MemberHonours.tsx';
import { RecoveryLink } from '../signin/RecoveryLink.tsx';
import {
  loadMembers,
  loadRemovedMembers,
  removeMember,
  restoreMember,
  updateMember,
} from './api.ts';
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
  const removed = useAsync(loadRemovedMembers, 'removed-members');
  const remove = async (id: string) => {
    if (!confirm(m.removeConfirm)) return;
    await removeMember(id);
    list.reload();
    removed.reload();
  };
  const open = (list.data?.members ?? []).find((x) => x.id === logsOf);
  return (
    <>
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
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {/* Below the table, not in a cell: a log line with its contact and evidence needs width. */}
        {open && (
          <section class="logs-panel" data-logs-panel={open.id} aria-labelledby="logs-panel-title">
            <h3 id="logs-panel-title">
              {t.value.evidence.show} · {open.name}
            </h3>
            <MemberHonours memberId={open.id} title={t.value.honours.contestWins} />
            <MemberLogs memberId={open.id} />
          </section>
        )}
      </section>
      <RemovedMembers
        members={removed.data?.members ?? []}
        onRestored={() => {
          list.reload();
          removed.reload();
        }}
      />
    </>
  );
}

/** Removed members with a Restore button; a restore shows the member's new token once. */
function RemovedMembers({
  members,
  onRestored,
}: {
  members: { id: string; name: string; email: string }[];
  onRestored: () => void;
}) {
  const m = t.value.admin;
  const [restored, setRestored] = useState<{ name: string; token: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const restore = async (id: string) => {
    if (!confirm(m.restoreConfirm)) return;
    setFailure(null);
    try {
      const answer = await restoreMember(id);
      setRestored({ name: answer.member.name, token: answer.token });
      onRestored();
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error.message : t.value.errors.generic);
    }
  };
  return (
    <section class="card removed-members" aria-labelledby="removed-title">
      <h2 id="removed-title">{m.removedMembers}</h2>
      {restored && (
        <p class="notice" role="status" data-restored-token>
          {m.restoredToken(restored.name)} <code>{restored.token}</code>
        </p>
      )}
      {failure && (
        <p class="notice" role="alert">
          {failure}
        </p>
      )}
      {members.length === 0 ? (
        <p class="muted">{m.noRemoved}</p>
      ) : (
        <ul class="plain-list">
          {members.map((x) => (
            <li key={x.id} data-removed-member={x.id}>
              {x.name} <span class="muted small">{x.email}</span>{' '}
              <button type="button" onClick={() => void restore(x.id)}>
                {m.restore}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
