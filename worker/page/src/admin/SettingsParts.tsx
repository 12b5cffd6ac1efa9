/** Parts of the settings form: the working calendar and the team's custom metrics. */
import type { CalendarSettings, CustomMetric } from '../../../../shared/api/index.ts';
import { locale, t } from '../i18n/index.ts';

/** ISO weekdays 1–7 named in the page's language (2024-01-01 was a Monday). */
const weekdayName = (day: number) =>
  new Intl.DateTimeFormat(locale.value, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );
const WEEK = [1, 2, 3, 4, 5, 6, 7];

export function CalendarFields({
  calendar,
  onChange,
}: {
  calendar: CalendarSettings;
  onChange: (next: CalendarSettings) => void;
}) {
  const m = t.value.admin;
  // A cycle of several different weeks (大小周) is kept as it is; one week is edited here.
  const single = calendar.workweeks.length === 1;
  const workdays = new Set(calendar.workweeks[0] ?? []);
  const toggle = (day: number) => {
    const next = new Set(workdays);
    if (next.has(day)) next.delete(day);
    else next.add(day);
    onChange({ ...calendar, workweeks: [[...next].sort()] });
  };
  return (
    <fieldset>
      <legend>{m.calendar}</legend>
      <div class="row">
        <label>
          {m.timezone}
          <input
            type="text"
            name="timezone"
            value={calendar.timezone}
            onInput={(e) => onChange({ ...calendar, timezone: e.currentTarget.value.trim() })}
          />
        </label>
        <label>
          {m.weekStart}
          <select
            name="weekStart"
            value={calendar.weekStart}
            onChange={(e) => onChange({ ...calendar, weekStart: Number(e.currentTarget.value) })}
          >
            {WEEK.map((day) => (
              <option key={day} value={day}>
                {weekdayName(day)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {single ? (
        <fieldset class="row plain-fieldset">
          <legend class="muted">{m.workdays}</legend>
          {WEEK.map((day) => (
            <label key={day} class="inline">
              <input
                type="checkbox"
                name={`workday-${day}`}
                checked={workdays.has(day)}
                onChange={() => toggle(day)}
              />
              {weekdayName(day)}
            </label>
          ))}
        </fieldset>
      ) : (
        <p class="muted">{m.workweekCycle}</p>
      )}
    </fieldset>
  );
}

const blankMetric = (): CustomMetric => ({
  id: '',
  label: { en: '', zh: '' },
  kind: 'count',
  points: 0,
});

export function CustomMetricsFields({
  metrics,
  saved,
  onChange,
}: {
  metrics: CustomMetric[];
  /** Ids already stored: they are fixed (events refer to them). */
  saved: ReadonlySet<string>;
  onChange: (next: CustomMetric[]) => void;
}) {
  const m = t.value.admin;
  const set = (i: number, patch: Partial<CustomMetric>) =>
    onChange(metrics.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
    <fieldset>
      <legend>{m.customMetrics}</legend>
      <table class="plain custom-metrics">
        <thead>
          <tr>
            <th scope="col">{m.metricId}</th>
            <th scope="col">{m.nameEn}</th>
            <th scope="col">{m.nameZh}</th>
            <th scope="col">{m.kind}</th>
            <th scope="col">{m.pointsEach}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {metrics.map((x, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={`${m.metricId} ${i + 1}`}
                  name={`custom-id-${i}`}
                  value={x.id}
                  readOnly={saved.has(x.id)}
                  pattern="[a-z][a-z0-9_]{1,31}"
                  required
                  onInput={(e) => set(i, { id: e.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${m.nameEn} ${i + 1}`}
                  name={`custom-en-${i}`}
                  value={x.label.en}
                  required
                  onInput={(e) => set(i, { label: { ...x.label, en: e.currentTarget.value } })}
                />
              </td>
              <td>
                <input
                  aria-label={`${m.nameZh} ${i + 1}`}
                  name={`custom-zh-${i}`}
                  value={x.label.zh}
                  required
                  onInput={(e) => set(i, { label: { ...x.label, zh: e.currentTarget.value } })}
                />
              </td>
              <td>
                <select
                  aria-label={`${m.kind} ${i + 1}`}
                  value={x.kind}
                  onChange={(e) => set(i, { kind: e.currentTarget.value as CustomMetric['kind'] })}
                >
                  <option value="count">{m.kindCount}</option>
                  <option value="amount">{m.kindAmount}</option>
                </select>
              </td>
              <td>
                <input
                  type="number"
                  min="0"
                  aria-label={`${m.pointsEach} ${i + 1}`}
                  value={x.points}
                  onInput={(e) => set(i, { points: Number(e.currentTarget.value) })}
                />
              </td>
              <td>
                <button type="button" onClick={() => onChange(metrics.filter((_, k) => k !== i))}>
                  {m.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onChange([...metrics, blankMetric()])}>
        {m.addMetric}
      </button>
    </fieldset>
  );
}
