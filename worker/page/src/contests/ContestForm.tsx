/** The managers' contest form: create a contest for a team, or edit one (all but its team). */
import { useState } from 'preact/hooks';
import {
  type ContestView,
  type CreateContestRequest,
  DEFAULT_GRACE_WORKDAYS,
  MAX_GRACE_WORKDAYS,
} from '../../../../shared/api/index.ts';
import { ApiFailure } from '../app/api.ts';
import { filters } from '../app/filters.ts';
import { orgMetrics } from '../app/metrics.ts';
import { me } from '../app/session.ts';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { t } from '../i18n/index.ts';
import { createContest, updateContest } from './api.ts';
import { contestMetricLabel } from './ContestCard.tsx';

type Draft = CreateContestRequest;

const today = () => new Date().toISOString().slice(0, 10);

function emptyDraft(teamId: string): Draft {
  return {
    name: '',
    teamId,
    metric: 'points',
    mode: 'members',
    recurrence: 'once',
    start: today(),
    end: today(),
    prize: '',
    graceWorkdays: DEFAULT_GRACE_WORKDAYS,
  };
}

const toDraft = (c: ContestView): Draft => ({
  name: c.name,
  teamId: c.teamId,
  metric: c.metric,
  mode: c.mode,
  recurrence: c.recurrence,
  start: c.start,
  end: c.end,
  prize: c.prize,
  graceWorkdays: c.graceWorkdays,
});

export function ContestForm({
  editing,
  onSaved,
}: {
  editing: ContestView | null;
  onSaved: () => void;
}) {
  const m = t.value.contests;
  const settings = me.value?.org.settings;
  const [draft, setDraft] = useState<Draft>(
    editing ? toDraft(editing) : emptyDraft(filters.value.teamId ?? me.value?.team.id ?? ''),
  );
  const [message, setMessage] = useState<string | null>(null);
  if (!settings) return null;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const save = async (event: Event) => {
    event.preventDefault();
    setMessage(null);
    try {
      if (editing) {
        // Everything but the team (a contest does not move), nor the view's own fields.
        const { name, metric, mode, recurrence, start, end, prize, graceWorkdays } = draft;
        await updateContest(editing.id, {
          name,
          metric,
          mode,
          recurrence,
          start,
          end,
          prize,
          graceWorkdays,
        });
      } else {
        await createContest(draft);
        setDraft(emptyDraft(draft.teamId));
      }
      setMessage(m.saved);
      onSaved();
    } catch (error) {
      setMessage(error instanceof ApiFailure ? error.message : t.value.errors.generic);
    }
  };
  return (
    <form class="card contest-form" onSubmit={save} aria-label={editing ? m.edit : m.create}>
      <h2>{editing ? m.edit : m.create}</h2>
      <div class="row">
        <label>
          {m.name}
          <input
            name="contest-name"
            required
            maxLength={80}
            value={draft.name}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </label>
        <label>
          {t.value.team}
          <TeamSelect
            name="contest-team"
            disabled={editing !== null}
            value={draft.teamId}
            onChange={(teamId) => set({ teamId })}
          />
        </label>
        <label>
          {m.metric}
          <select
            name="contest-metric"
            value={draft.metric}
            onChange={(e) => set({ metric: e.currentTarget.value })}
          >
            <option value="points">{m.points}</option>
            {orgMetrics(settings).map((x) => (
              <option key={x.id} value={x.id}>
                {contestMetricLabel(x.id, settings)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.mode}
          <select
            name="contest-mode"
            value={draft.mode}
            onChange={(e) => set({ mode: e.currentTarget.value as Draft['mode'] })}
          >
            <option value="members">{m.members}</option>
            <option value="teams">{m.teams}</option>
          </select>
        </label>
      </div>
      <div class="row">
        <label>
          {m.recurrence}
          <select
            name="contest-recurrence"
            value={draft.recurrence}
            onChange={(e) => set({ recurrence: e.currentTarget.value as Draft['recurrence'] })}
          >
            {(['once', 'daily', 'weekly', 'monthly'] as const).map((r) => (
              <option key={r} value={r}>
                {m[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.start}
          <input
            name="contest-start"
            type="date"
            required
            value={draft.start}
            onInput={(e) => set({ start: e.currentTarget.value })}
          />
        </label>
        <label>
          {m.end}
          <input
            name="contest-end"
            type="date"
            title={m.noEnd}
            value={draft.end ?? ''}
            onInput={(e) =>
              set({ end: e.currentTarget.value === '' ? null : e.currentTarget.value })
            }
          />
        </label>
        <label>
          {m.prize}
          <input
            name="contest-prize"
            maxLength={200}
            value={draft.prize}
            onInput={(e) => set({ prize: e.currentTarget.value })}
          />
        </label>
        <label title={m.graceHint}>
          {m.grace}
          <input
            name="contest-grace"
            type="number"
            min={0}
            max={MAX_GRACE_WORKDAYS}
            step={1}
            required
            value={draft.graceWorkdays}
            onInput={(e) => set({ graceWorkdays: e.currentTarget.valueAsNumber })}
          />
        </label>
      </div>
      <button type="submit">{m.save}</button>
      {message && (
        <p class="muted" role="status">
          {message}
        </p>
      )}
    </form>
  );
}
