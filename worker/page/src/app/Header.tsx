import type { PeriodKind } from '../../../../shared/api/index.ts';
import { type Locale, locale, setLocale, t } from '../i18n/index.ts';
import { metricLabel, orgMetrics } from './metrics.ts';
import { filters, isManager, me, setFilter, signOut, type Tab, tab, teams } from './session.ts';

const PERIODS: PeriodKind[] = ['day', 'week', 'month', 'quarter', 'year'];

export function Header() {
  const m = t.value;
  const profile = me.value;
  if (!profile) return null;
  const tabs: Tab[] = isManager.value
    ? ['overview', 'contests', 'targets', 'team']
    : ['overview', 'contests'];
  return (
    <header class="top">
      <div class="brand">
        <span class="logo" aria-hidden="true">
          ▲
        </span>
        <span>{m.appName}</span>
        <span class="org">{profile.org.name}</span>
      </div>
      <nav class="tabs" aria-label="Pacer">
        {tabs.map((name) => (
          <a
            key={name}
            href={`#/${name}`}
            class={tab.value === name ? 'active' : undefined}
            aria-current={tab.value === name ? 'page' : undefined}
          >
            {m.nav[name]}
          </a>
        ))}
      </nav>
      <div class="who">
        <label class="inline">
          <span class="sr-only">{m.language}</span>
          <select
            value={locale.value}
            onChange={(e) => setLocale(e.currentTarget.value as Locale)}
            aria-label={m.language}
          >
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </label>
        <span class="name">{profile.member.name}</span>
        <button type="button" onClick={() => void signOut()}>
          {m.signOut}
        </button>
      </div>
    </header>
  );
}

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
          <select
            name="team"
            value={f.teamId}
            onChange={(e) => setFilter({ teamId: e.currentTarget.value })}
          >
            {teams.value.map((team) => (
              <option key={team.id} value={team.id}>
                {'\u2003'.repeat(team.depth)}
                {team.name}
              </option>
            ))}
          </select>
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
        </select>
      </label>
    </div>
  );
}
