/**
 * Activity quotas (每日拜访多少客户): "5 visits per workday" set once for a team (each rep carries
 * it) or one member, from a day on; shown as the list of quotas of the chosen team's subtree.
 * The worker derives them into every period through the team calendar (shared/domain/quotas.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import type { QuotaPer, QuotaView } from '../../../../shared/api/index.ts';
import { localDateOf } from '../../../../shared/domain/dates.ts';
import { formatCount } from '../app/format.ts';
import { metricLabel, orgMetrics } from '../app/metrics.ts';
import { me, teams } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { locale, t } from '../i18n/index.ts';
import { loadMembers, loadQuotas, removeQuota, saveQuota } from './api.ts';

export function QuotaEditor() {
  const profile = me.value;
  const m = t.value.quotas;
  const settings = profile?.org.settings;
  const counts = settings ? orgMetrics(settings).filter((x) => x.kind === 'count') : [];
  const [teamId, setTeamId] = useState(profile?.team.id ?? '');
  const [subject, setSubject] = useState('team');
  const [metric, setMetric] = useState(
    counts.find((x) => x.id === 'visits')?.id ?? counts[0]?.id ?? '',
  );
  const [per, setPer] = useState<QuotaPer>('workday');
  const [valueText, setValueText] = useState('');
  const [from, setFrom] = useState(localDateOf(new Date(), settings?.calendar.timezone ?? 'UTC'));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [generation, setGeneration] = useState(0);
  const quotas = useAsync(() => loadQuotas(teamId), `${teamId}|${generation}`);
  const members = useAsync(loadMembers, 'members');
  useEffect(() => setStatus(null), [teamId, subject, metric, per, valueText, from]);
  if (!profile || !settings) return null;
  const lang = locale.value;
  const team = teams.value.find((x) => x.id === teamId);
  const memberName = new Map((members.data ?? []).map((x) => [x.id, x.name]));
  const teamName = new Map(teams.value.map((x) => [x.id, x.name]));
  const reps = (members.data ?? []).filter((x) => x.role === 'rep' && x.teamId === teamId);

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await saveQuota({
        ...(subject === 'team'
          ? { scope: 'team' as const, teamId }
          : { scope: 'member' as const, memberId: subject }),
        metric,
        per,
        value: Math.max(0, Math.round(Number(valueText || '0'))),
        from,
      });
      setStatus({ ok: true, text: m.saved });
      setGeneration((g) => g + 1);
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };
  const remove = async (q: QuotaView) => {
    try {
      await removeQuota(q.id);
      setGeneration((g) => g + 1);
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };
  const perName = (p: QuotaPer) => (p === 'week' ? m.perWeek : m.perWorkday);

  return (
    <section class="card quotas" aria-labelledby="quotas-title">
      <h2 id="quotas-title">{m.title}</h2>
      <p class="muted">{m.lead}</p>
      <form class="row" onSubmit={save}>
        <label>
          {t.value.team}
          <TeamSelect
            name="quota-team"
            value={teamId}
            onChange={(id) => {
              setTeamId(id);
              setSubject('team');
            }}
          />
        </label>
        <label>
          {m.subject}
          <select
            name="quota-subject"
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
          >
            <option value="team">{m.wholeTeam}</option>
            {reps.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.metric}
          <select
            name="quota-metric"
            value={metric}
            onChange={(e) => setMetric(e.currentTarget.value)}
          >
            {counts.map((x) => (
              <option key={x.id} value={x.id}>
                {metricLabel(x.id, settings)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.value}
          <input
            type="number"
            name="quota-value"
            min="0"
            step="1"
            inputMode="numeric"
            required
            value={valueText}
            onInput={(e) => setValueText(e.currentTarget.value)}
          />
        </label>
        <label>
          {m.per}
          <select
            name="quota-per"
            value={per}
            onChange={(e) => setPer(e.currentTarget.value as QuotaPer)}
          >
            <option value="workday">{m.perWorkday}</option>
            <option value="week">{m.perWeek}</option>
          </select>
        </label>
        <label>
          {m.from}
          <input
            type="date"
            name="quota-from"
            required
            value={from}
            onChange={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)}
          />
        </label>
        <div class="actions">
          <button type="submit" class="primary" disabled={!metric || valueText === ''}>
            {m.save}
          </button>
          {status && (
            <span class={status.ok ? 'ok' : 'error'} role="status">
              {status.text}
            </span>
          )}
        </div>
      </form>
      {quotas.data && quotas.data.length === 0 ? (
        <p class="muted">{m.none}</p>
      ) : (
        <ul class="plain-list" aria-label={`${m.title}: ${team?.name ?? ''}`}>
          {(quotas.data ?? []).map((q) => (
            <li key={q.id} data-quota={q.id}>
              <span>
                {q.teamId
                  ? `${teamName.get(q.teamId) ?? q.teamId} · ${m.wholeTeam}`
                  : (memberName.get(q.memberId ?? '') ?? q.memberId)}
              </span>
              <span>
                {metricLabel(q.metric, settings)}:{' '}
                {m.rule(formatCount(q.value, lang), perName(q.per))}
              </span>
              <span class="muted">
                {m.from} {q.from}
              </span>
              <button type="button" onClick={() => void remove(q)}>
                {m.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
