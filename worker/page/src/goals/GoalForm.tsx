/**
 * A rep's personal stretch goal (员工规划并设定个人目标) for the incentive period of the primary
 * metric: at or above the assigned target (the server refuses less). The sidebar shows it as a
 * second marker; boards and reports keep the assigned target.
 */
import { useState } from 'preact/hooks';
import { toMajor, toMinor } from '../../../../shared/domain/money.ts';
import { formatMetricValue } from '../app/format.ts';
import { metricKind, metricLabel } from '../app/metrics.ts';
import { me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { locale, t } from '../i18n/index.ts';
import { loadProgress, saveGoal } from './api.ts';

export function GoalForm() {
  const profile = me.value;
  const m = t.value.goal;
  const settings = profile?.org.settings;
  const [generation, setGeneration] = useState(0);
  const [typed, setTyped] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const kind = settings?.tiers.period ?? 'month';
  const progress = useAsync(() => loadProgress(kind), `${kind}|${generation}`);
  if (!profile || !settings || !progress.data) return null;
  const metric = settings.primaryMetric;
  const primary = progress.data.metrics.find((x) => x.metric === metric);
  if (!primary || !(primary.target > 0)) return null;
  const isAmount = metricKind(settings, metric) === 'amount';
  const stored = (text: string) => {
    const n = Number(text || '0');
    return isAmount ? toMinor(n, settings.currency) : Math.round(n);
  };
  const shownAsTyped = (v: number) => String(isAmount ? toMajor(v, settings.currency) : v);
  const show = (v: number) =>
    formatMetricValue(v, metricKind(settings, metric), settings.currency, locale.value);
  const goal = progress.data.goal?.value ?? null;
  const period = progress.data.period;

  const submit = async (value: number | null) => {
    try {
      await saveGoal({ period: { kind: period.kind, start: period.start }, value });
      setStatus({ ok: true, text: m.saved });
      setTyped(null);
      setGeneration((g) => g + 1);
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section class="card goal" aria-labelledby="goal-title">
      <h2 id="goal-title">{m.title}</h2>
      <p class="muted">{m.lead}</p>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(stored(typed ?? ''));
        }}
      >
        <span>
          {metricLabel(metric, settings)} · {period.start} – {period.end} · {m.assigned}:{' '}
          <strong data-assigned>{show(primary.target)}</strong>
        </span>
        <label>
          {m.value}
          {isAmount ? ` (${settings.currency})` : ''}
          <input
            type="number"
            name="goal"
            min={shownAsTyped(primary.target)}
            step="1"
            required
            value={typed ?? (goal === null ? '' : shownAsTyped(goal))}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary">
          {m.save}
        </button>
        {goal !== null && (
          <button type="button" onClick={() => void submit(null)}>
            {m.clear}
          </button>
        )}
        {status && (
          <span class={status.ok ? 'ok' : 'error'} role="status">
            {status.text}
          </span>
        )}
      </form>
    </section>
  );
}
