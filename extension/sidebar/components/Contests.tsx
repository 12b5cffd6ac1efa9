/**
 * The member's running contests: "#3 of 8 — 2 visits behind Li Lei — ends Fri 18:00". Names come
 * from the server and are rendered as text.
 */
import { metricLabel } from '../../i18n/index.ts';
import { formatValue } from '../../ui/format.ts';
import type { SidebarStore } from '../store.ts';

export function Contests({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const view = store.shown.value;
  const contests = view.contests ?? [];
  if (contests.length === 0) return null;
  const locale = store.language.value === 'zh_CN' ? 'zh-CN' : 'en';
  const when = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <section class="contests" aria-label={t('contests')} data-testid="pacer-contests">
      <h3>{t('contests')}</h3>
      <ul>
        {contests.map((c) => {
          // "2 visits behind Li Lei": the metric's plural name, in running text.
          const name =
            c.metric === 'points'
              ? t('points')
              : metricLabel(t, store.language.value, c.metric, c.label);
          const unit = name.toLocaleLowerCase(locale);
          const gap = c.ahead
            ? t('contestBehind', {
                amount:
                  c.kind === 'amount'
                    ? formatValue(c.ahead.by, c.kind, view.currency, locale)
                    : `${formatValue(c.ahead.by, c.kind, view.currency, locale)} ${unit}`,
                name: c.ahead.name,
              })
            : t('contestLeading');
          return (
            <li key={c.id} data-contest={c.id}>
              <strong>{c.name}</strong>
              <span data-testid="pacer-contest-line">
                {t('contestPlace', { rank: c.rank, of: c.of })} — {gap} —{' '}
                {t('contestEnds', { when: when.format(new Date(c.endsAt)) })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
