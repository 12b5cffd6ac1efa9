/** The settings form's team rules: who sees whom, the daily goal, fair play and announcements. */
import type { AnnouncementSettings, PrivacyMode } from '../../../../../shared/api/index.ts';
import { toMajor, toMinor } from '../../../../../shared/domain/money.ts';
import { metricKind } from '../../app/metrics.ts';
import { me } from '../../app/session.ts';
import { t } from '../../i18n/index.ts';

export function PrivacyFields({
  privacy,
  onChange,
}: {
  privacy: PrivacyMode;
  onChange: (next: PrivacyMode) => void;
}) {
  const m = t.value.admin;
  return (
    <fieldset>
      <legend>{m.privacy}</legend>
      {(
        [
          ['open', m.privacyOpen],
          ['top', m.privacyTop],
          ['private', m.privacyPrivate],
        ] as const
      ).map(([value, label]) => (
        <label key={value} class="inline">
          <input
            type="radio"
            name="privacy"
            value={value}
            checked={privacy === value}
            onChange={() => onChange(value)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

export function GoalFields({
  dailyPointsGoal,
  manualLogPointsPercent,
  onChange,
}: {
  dailyPointsGoal: number;
  manualLogPointsPercent: number;
  onChange: (next: { dailyPointsGoal?: number; manualLogPointsPercent?: number }) => void;
}) {
  const m = t.value.admin;
  return (
    <div class="row">
      <label>
        {m.dailyGoal}
        <input
          type="number"
          name="dailyGoal"
          min="1"
          value={dailyPointsGoal}
          onInput={(e) => onChange({ dailyPointsGoal: Number(e.currentTarget.value) })}
        />
      </label>
      <label>
        {m.manualPercent}
        <input
          type="number"
          name="manualLogPointsPercent"
          min="0"
          max="100"
          value={manualLogPointsPercent}
          onInput={(e) => onChange({ manualLogPointsPercent: Number(e.currentTarget.value) })}
        />
      </label>
    </div>
  );
}

export function AnnouncementFields({
  rules,
  onChange,
}: {
  rules: AnnouncementSettings;
  onChange: (rules: AnnouncementSettings) => void;
}) {
  const m = t.value.admin;
  const primary = me.value?.org.settings;
  // The big-deal amount is typed in major units (¥, $) and stored in the currency's minor units.
  const currency =
    primary && metricKind(primary, primary.primaryMetric) === 'amount' ? primary.currency : null;
  const shown = (value: number) => (currency ? toMajor(value, currency) : value);
  const stored = (value: number) => (currency ? toMinor(value, currency) : Math.round(value));
  return (
    <fieldset>
      <legend>{m.announcements}</legend>
      <label>
        {m.bigDealAtLeast}
        <input
          type="number"
          name="dealAmountAtLeast"
          min="1"
          value={rules.dealAmountAtLeast === null ? '' : shown(rules.dealAmountAtLeast)}
          onInput={(e) => {
            const value = e.currentTarget.value;
            onChange({
              ...rules,
              dealAmountAtLeast: value === '' ? null : stored(Number(value)),
            });
          }}
        />
      </label>
      {(
        [
          ['tierReached', m.announceTier],
          ['milestoneReached', m.announceMilestone],
          ['streakRecord', m.announceStreak],
          ['contestWon', m.announceWon],
        ] as const
      ).map(([key, label]) => (
        <label key={key} class="inline">
          <input
            type="checkbox"
            name={key}
            checked={rules[key]}
            onChange={(e) => onChange({ ...rules, [key]: e.currentTarget.checked })}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
