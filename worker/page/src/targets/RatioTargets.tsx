/**
 * Targets on period KPIs (客单价, 回款率, 新客户, 客户保持率 …: shared/domain/ratios.ts): the value
 * to reach over a period, for a team, compared as the KPI itself. Unlike the target editor above
 * there is nothing to split or pace: every rep of the team and the team as a whole are measured
 * against it (a rep's own target, set through the API, wins for that rep).
 */
import { useEffect, useState } from 'preact/hooks';
import type { PeriodKind } from '../../../../shared/api/index.ts';
import { periodContaining } from '../../../../shared/domain/calendar.ts';
import { localDateOf } from '../../../../shared/domain/dates.ts';
import { minorDigits } from '../../../../shared/domain/money.ts';
import { findRatio } from '../../../../shared/domain/ratios.ts';
import { formatFigure } from '../app/format.ts';
import { metricLabel, orgRatios } from '../app/metrics.ts';
import { me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { NumberInput, typedValue } from '../components/NumberInput.tsx';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { locale, t } from '../i18n/index.ts';
import { loadTeamTargets, saveTarget } from './api.ts';
import { KINDS } from './draft.ts';

export function RatioTargets() {
  const profile = me.value;
  const m = t.value.ratioTargets;
  const settings = profile?.org.settings;
  const [teamId, setTeamId] = useState(profile?.team.id ?? '');
  const [kpi, setKpi] = useState(orgRatios()[0]?.id ?? '');
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const [date, setDate] = useState(localDateOf(new Date(), settings?.calendar.timezone ?? 'UTC'));
  const [valueText, setValueText] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [generation, setGeneration] = useState(0);
  const list = useAsync(() => loadTeamTargets(teamId, kpi), `${teamId}|${kpi}|${generation}`);
  useEffect(() => setStatus(null), [teamId, kpi, kind, date, valueText]);
  const def = findRatio(kpi);
  if (!profile || !settings || !def) return null;
  const lang = locale.value;
  // Money per unit is typed in major units (¥) and stored in minor units; percent and counts whole.
  const digits = def.format === 'money' ? minorDigits(settings.currency) : 0;
  const unit =
    def.format === 'money' ? ` (${settings.currency})` : def.format === 'percent' ? ' (%)' : '';
  const period = periodContaining(kind, date, settings.calendar);
  const show = (v: number) => formatFigure(v, def.format, settings.currency, lang);
  const own = (list.data ?? []).filter((x) => x.scope === 'team' && x.teamId === teamId);

  const save = async (event: Event) => {
    event.preventDefault();
    const value = typedValue(valueText, digits);
    if (value === null || value <= 0) {
      setStatus({ ok: false, text: m.invalid });
      return;
    }
    try {
      await saveTarget({
        scope: 'team',
        teamId,
        metric: kpi,
        period: { kind, start: period.start },
        value,
      });
      setStatus({ ok: true, text: m.saved });
      setGeneration((g) => g + 1);
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section class="card ratio-targets" aria-labelledby="ratio-targets-title">
      <h2 id="ratio-targets-title">{m.title}</h2>
      <p class="muted">{m.lead}</p>
      <form class="row" onSubmit={save}>
        <label>
          {t.value.team}
          <TeamSelect name="ratio-team" value={teamId} onChange={setTeamId} />
        </label>
        <label>
          {m.kpi}
          <select name="ratio-kpi" value={kpi} onChange={(e) => setKpi(e.currentTarget.value)}>
            {orgRatios().map((x) => (
              <option key={x.id} value={x.id}>
                {metricLabel(x.id, settings)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.value.targets.periodKind}
          <select
            name="ratio-kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as PeriodKind)}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t.value.period[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.value.targets.start}
          <input
            type="date"
            name="ratio-date"
            value={date}
            onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
          />
        </label>
        <label>
          {m.value}
          {unit}
          <NumberInput
            name="ratio-value"
            digits={digits}
            locale={lang}
            text={valueText}
            onText={setValueText}
            required
          />
        </label>
        <button type="submit" class="primary">
          {m.save}
        </button>
        {status && (
          <span class={status.ok ? 'ok' : 'error'} role="status">
            {status.text}
          </span>
        )}
      </form>
      <p class="muted">
        {period.start} – {period.end}
      </p>
      {own.length === 0 ? (
        <p class="muted">{m.none}</p>
      ) : (
        <ul class="ratio-target-list">
          {own.map((x) => (
            <li key={x.id} data-ratio-target={x.id}>
              {t.value.period[x.period.kind]} {x.period.start} – {x.period.end}:{' '}
              <strong>{show(x.value)}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
