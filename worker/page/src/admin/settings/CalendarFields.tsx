/** The settings form's working calendar: time zone, first day of the week, workdays. */
import type { CalendarSettings } from '../../../../../shared/api/index.ts';
import { locale, t } from '../../i18n/index.ts';

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

/** Days off on normal workdays, one date (YYYY-MM-DD) per line or separated by spaces. */
export function HolidaysField({
  holidays,
  onChange,
}: {
  holidays: string;
  onChange: (next: string) => void;
}) {
  return (
    <label>
      {t.value.admin.holidays}
      <textarea
        name="holidays"
        rows={3}
        value={holidays}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    </label>
  );
}
