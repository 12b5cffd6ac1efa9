/**
 * The member's running contests: "#3 of 8 — 2 visits behind Li Lei — ends Fri 18:00", and those
 * just over: "… — round over, provisional until Tue 00:00" (late logs still count until the round
 * settles). Names come from the server and are rendered as text.
 */
import { intlLocale } from '../../../shared/domain/language.ts';
import { metricLabel } from '../../../shared/domain/metrics.ts';
import type { Language, Translate } from '../../i18n/index.ts';
import type { ContestLine } from '../../platform/view.ts';
import { formatTime, formatValue } from '../../ui/format.ts';
import type { SidebarStore } from '../store.ts';

/**
 * "2 visits behind Li Lei", "Leading" on first place, or null when the team's privacy mode keeps
 * the one ahead from the member (the server then sends no `ahead` below first place).
 */
export function contestGap(
  c: Pick<ContestLine, 'metric' | 'label' | 'kind' | 'rank' | 'ahead'>,
  t: Translate,
  language: Language,
  currency: string,
): string | null {
  const locale = intlLocale(language);
  if (!c.ahead) return c.rank === 1 ? t('contestLeading') : null;
  // The metric's plural name, in running text.
  const name = c.metric === 'points' ? t('points') : metricLabel(c.metric, language, c.label);
  const amount = formatValue(c.ahead.by, c.kind, currency, locale);
  return t('contestBehind', {
    amount: c.kind === 'amount' ? amount : `${amount} ${name.toLocaleLowerCase(locale)}`,
    name: c.ahead.name,
  });
}

/** "ends Fri 18:00" for a running round; "round over, provisional until …" before it settles. */
export function contestWhen(
  c: Pick<ContestLine, 'endsAt' | 'provisional' | 'settlesAt'>,
  t: Translate,
  language: Language,
): string {
  const locale = intlLocale(language);
  return c.provisional && c.settlesAt
    ? t('contestProvisional', { when: formatTime(new Date(c.settlesAt), locale, true) })
    : t('contestEnds', { when: formatTime(new Date(c.endsAt), locale, true) });
}

export function Contests({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const view = store.shown.value;
  const contests = view.contests ?? [];
  if (contests.length === 0) return null;
  return (
    <section class="contests" aria-label={t('contests')} data-testid="pacer-contests">
      <h3>{t('contests')}</h3>
      <ul>
        {contests.map((c) => {
          const gap = contestGap(c, t, store.language.value, view.currency);
          return (
            <li
              key={`${c.id}:${c.endsAt}`}
              data-contest={c.id}
              data-provisional={c.provisional ? 'true' : undefined}
            >
              <strong>{c.name}</strong>
              <span data-testid="pacer-contest-line">
                {t('contestPlace', { rank: c.rank, of: c.of })} — {gap ? `${gap} — ` : ''}
                {contestWhen(c, t, store.language.value)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
