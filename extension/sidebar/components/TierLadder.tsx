/** The incentive ladder (阶梯激励): rungs, the current one, and how much is missing to the next. */
import { inLanguage, intlLocale, type Label } from '../../../shared/domain/language.ts';
import { formatValue } from '../../ui/format.ts';
import type { SidebarStore } from '../store.ts';

export function TierLadder({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const language = store.language.value;
  const view = store.shown.value;
  const tier = view.tier;
  if (!tier || !view.primary) return null;
  const name = (rung: { name: Label }) => inLanguage(rung.name, language);
  const fmt = (v: number) =>
    formatValue(v, view.primary?.kind ?? 'count', view.currency, intlLocale(language));
  return (
    <section class="tiers" aria-label={t('tier')}>
      <ol class="ladder">
        {tier.ladder.map((rung) => (
          <li
            key={rung.id}
            class={rung.id === tier.current?.id ? 'rung current' : 'rung'}
            aria-current={rung.id === tier.current?.id ? 'step' : undefined}
          >
            <span>{name(rung)}</span>
            <small class="rung-threshold">{rung.threshold}%</small>
          </li>
        ))}
      </ol>
      <p data-testid="pacer-tier-next">
        {tier.next && tier.toNext !== null
          ? t('toNextTier', { amount: fmt(tier.toNext), tier: name(tier.next) })
          : tier.current
            ? t('topTier')
            : t('noTier')}
      </p>
    </section>
  );
}
