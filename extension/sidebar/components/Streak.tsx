/** Streak of qualifying days, freezes banked, and today's points against the daily goal. */
import type { SidebarStore } from '../store.ts';
import { Tick } from './Tick.tsx';

export function Streak({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const view = store.shown.value;
  const streak = view.streak;
  const goal = view.points.dailyGoal;
  const share = Math.min(100, (view.points.today / Math.max(1, goal)) * 100);
  return (
    <section class="streak" aria-label={t('streak')}>
      <p>
        <span class="flame" aria-hidden="true">
          🔥
        </span>{' '}
        {/* No "0-day streak" in bold: an empty streak is an invitation, not a verdict. */}
        {(streak?.current ?? 0) > 0 ? (
          <strong data-testid="pacer-streak-days">
            <Tick value={streak?.current ?? 0}>
              {t('streakDays', { days: streak?.current ?? 0 })}
            </Tick>
          </strong>
        ) : (
          <span data-testid="pacer-streak-start">{t('streakStart')}</span>
        )}
        {streak && streak.freezes > 0 ? (
          <small> · {t('freezes', { count: streak.freezes })}</small>
        ) : null}
      </p>
      <div
        class="bar small"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={goal}
        aria-valuenow={view.points.today}
        data-testid="pacer-points"
      >
        <div class="bar-fill" style={{ width: `${share}%` }} />
      </div>
      <p class="muted" data-testid="pacer-points-today">
        <Tick value={view.points.today}>{t('pointsToday', { points: view.points.today })}</Tick> /{' '}
        {goal}
        {streak?.atRisk ? ` · ${t('streakAtRisk', { goal })}` : ''}
      </p>
    </section>
  );
}
