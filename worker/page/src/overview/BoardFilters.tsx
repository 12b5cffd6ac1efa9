import type { PeriodKind } from '../../../../shared/api/index.ts';
import { filters, setFilter } from '../app/filters.ts';
import { metricLabel, orgMetrics, orgRatios } from '../app/metrics.ts';
import { me, teams } from '../app/session.ts';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { t } from '../i18n/index.ts';

const PERIODS: PeriodKind[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Team, period and ranking switches shared by the overview and the exports. */
export function BoardFilters() {
  const m = t.value;
  const profile = me.value;
  if (!profile) return null;
  const f = filters.value;
  const custom = f.date !== undefined;
  const settings = profile.org.settings;
  return (
    <div class="filters">
      {teams.value.length > 1 && (
        <label class="inline">
          {m.team}
          <TeamSelect name="team" value={f.teamId} onChange={(teamId) => setFilter({ teamId })} />
        </label>
      )}
      <fieldset class="segmented">
        <legend class="sr-only">{m.period.label}</legend>
        {PERIODS.map((kind) => (
          <button
            key={kind}
            type="button"
            data-period={kind}
            aria-pressed={f.period === kind && !custom}
            class={f.period === kind && !custom ? 'on' : undefined}
            onClick={() => setFilter({ period: kind, date: undefined })}
          >
            {m.period[kind]}
          </button>
        ))}
        <button
          type="button"
          data-period="custom"
          aria-pressed={custom}
          class={custom ? 'on' : undefined}
          onClick={() => setFilter({ date: f.date ?? new Date().toISOString().slice(0, 10) })}
        >
          {m.period.custom}
        </button>
      </fieldset>
      {custom && (
        <span class="custom-period">
          <label class="inline">
            {m.period.kind}
            <select
              name="custom-kind"
              value={f.period}
              onChange={(e) => setFilter({ period: e.currentTarget.value as PeriodKind })}
            >
              {PERIODS.map((kind) => (
                <option key={kind} value={kind}>
                  {m.period[kind]}
                </option>
              ))}
            </select>
          </label>
          <label class="inline">
            {m.period.date}
            <input
              type="date"
              name="date"
              value={f.date}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (value) setFilter({ date: value });
              }}
            />
          </label>
        </span>
      )}
      <label class="inline">
        {m.by.label}
        <select name="by" value={f.by} onChange={(e) => setFilter({ by: e.currentTarget.value })}>
          <option value="attainment">{m.by.attainment}</option>
          <option value="points">{m.by.points}</option>
          <option value="streak">{m.by.streak}</option>
          {orgMetrics(settings).map((metric) => (
            <option key={metric.id} value={metric.id}>
              {metricLabel(metric.id, settings)}
            </option>
          ))}
          {orgRatios().map((ratio) => (
            <option key={ratio.id} value={ratio.id}>
              {metricLabel(ratio.id, settings)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
