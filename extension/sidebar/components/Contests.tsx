/**
 * The member's running contests: "#3 of 8 — 2 visits behind Li Lei — ends Fri 18:00". Names come
 * from the server and are rendered as text.
 */
import { intlLocale } from '../../../shared/domain/language.ts';
import { metricCount } from '../../../shared/domain/metrics.ts';
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
  const amount = formatValue(c.ahead.by, c.kind, currency, locale);
  // The metric's name in running text, singular or plural by the gap ("1 call", "2 calls").
  const counted =
    c.kind === 'amount'
      ? amount
      : c.metric === 'points'
        ? `${amount} ${t('pointsUnit', { count: c.ahead.by })}`
        : metricCount(c.metric, c.ahead.by, amount, language, c.label);
  return t('contestBehind', { amount: counted, name: c.ahead.name });
}

export function Contests({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const view = store.shown.value;
  const contests = view.contests ?? [];
  if (contests.length === 0) return null;
  const locale = intlLocale(store.language.value);
  return (
    <section class="contests" aria-label={t('contests')} data-testid="pacer-contests">
      <h3>{t('contests')}</h3>
      <ul>
        {contests.map((c) => {
          const gap = contestGap(c, t, store.language.value, view.currency);
          return (
            <li key={c.id} data-contest={c.id}>
              <strong>{c.name}</strong>
              <span data-testid="pacer-contest-line">
                {t('contestPlace', { rank: c.rank, of: c.of })} — {gap ? `${gap} — ` : ''}
                {t('contestEnds', { when: formatTime(new Date(c.endsAt), locale, true) })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
