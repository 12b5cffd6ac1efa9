/**
 * The contests tab: the team's running contests with standings and countdowns (everyone), and
 * for managers a form to create or edit a contest and a list to edit or cancel them.
 */
import { useState } from 'preact/hooks';
import type { ContestView } from '../../../../shared/api/index.ts';
import { filters } from '../app/filters.ts';
import { isManager, me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { t } from '../i18n/index.ts';
import { cancelContest, loadContests, readContestBoard } from './api.ts';
import { ContestCard } from './ContestCard.tsx';
import { ContestForm } from './ContestForm.tsx';

function ManageContests({ onChanged }: { onChanged: () => void }) {
  const m = t.value.contests;
  const list = useAsync(loadContests, 'contests');
  const [editing, setEditing] = useState<ContestView | null>(null);
  const changed = () => {
    list.reload();
    onChanged();
  };
  const cancel = async (id: string) => {
    await cancelContest(id);
    changed();
  };
  return (
    <>
      <ContestForm
        key={editing?.id ?? 'new'}
        editing={editing}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
      <section class="card" aria-label={m.manage}>
        <h2>{m.manage}</h2>
        <ul class="contest-list">
          {(list.data ?? []).map((c) => (
            <li key={c.id} data-contest-row={c.id}>
              <span class="name">{c.name}</span>
              <span class="muted">
                {m[c.recurrence]} · {c.start} – {c.end ?? '…'}
                {c.status === 'cancelled' ? ` · ${m.cancelled}` : ''}
              </span>
              {c.status === 'active' && (
                <>
                  <button type="button" onClick={() => setEditing(c)}>
                    {m.edit}
                  </button>
                  <button type="button" onClick={() => void cancel(c.id)}>
                    {m.cancel}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function Contests() {
  const m = t.value.contests;
  const settings = me.value?.org.settings;
  const teamId = filters.value.teamId;
  const board = useAsync(
    () => readContestBoard(teamId).then((r) => r.data),
    `contest-board:${teamId}`,
  );
  if (!settings) return null;
  const running = board.data?.contests ?? [];
  return (
    <main class="contests">
      <section aria-labelledby="contests-title">
        <h2 id="contests-title">{m.title}</h2>
        {running.length === 0 && !board.loading && <p class="muted">{m.none}</p>}
        <div class="contest-grid">
          {running.map((c) => (
            <ContestCard key={c.contest.id} running={c} settings={settings} />
          ))}
        </div>
      </section>
      {isManager.value && <ManageContests onChanged={board.reload} />}
    </main>
  );
}
