/**
 * The editor's breakdown of a revenue or deal target by segment: a percentage from new customers
 * (the rest from existing ones), or a percentage per product category of the org, and the parts
 * they make, whole units adding up to the target exactly (shared/domain/breakdown.ts, as the
 * worker stores them).
 */
import type { ProductCategory } from '../../../../shared/api/index.ts';
import { canBreakDown } from '../../../../shared/domain/breakdown.ts';
import { formatMoney } from '../../../../shared/domain/money.ts';
import { locale, t } from '../i18n/index.ts';
import { breakdownOfDraft, type TargetDraft } from './draft.ts';

const DEFAULT_NEW_PERCENT = 40;

export function SegmentSplit({
  draft,
  value,
  currency,
  categories,
  onChange,
}: {
  draft: TargetDraft;
  value: number;
  /** Set for an amount metric: its parts are shown to the minor unit, so they visibly add up. */
  currency: string | null;
  categories: readonly ProductCategory[];
  onChange: (change: Partial<TargetDraft>) => void;
}) {
  if (!canBreakDown(draft.metric)) return null;
  const m = t.value.segments;
  const show = (v: number) =>
    currency === null
      ? new Intl.NumberFormat(locale.value).format(v)
      : formatMoney(v, currency, locale.value, 'exact');
  const by =
    draft.categoryPercents !== null ? 'category' : draft.newPercent !== null ? 'customer' : 'none';
  const breakdown = breakdownOfDraft(draft, value);
  const nameOf = (id: string) => categories.find((c) => c.id === id)?.name ?? id;
  // A percentage field's properties (0–100; anything else typed is ignored).
  const percentField = (name: string, percent: number, set: (p: number) => void) => ({
    name,
    min: 0,
    max: 100,
    step: 'any',
    value: percent,
    onInput: (e: Event) => {
      const field = e.currentTarget as HTMLInputElement;
      const typed = Number(field.value);
      if (field.value !== '' && Number.isFinite(typed)) set(Math.min(100, Math.max(0, typed)));
    },
  });
  return (
    <fieldset class="segments" data-segment-split>
      <legend>{m.title}</legend>
      <select
        name="segmentBy"
        aria-label={m.title}
        value={by}
        onChange={(e) => {
          const next = e.currentTarget.value;
          onChange({
            newPercent: next === 'customer' ? DEFAULT_NEW_PERCENT : null,
            categoryPercents:
              next === 'category'
                ? Object.fromEntries(categories.map((c) => [c.id, 100 / categories.length]))
                : null,
          });
        }}
      >
        <option value="none">{m.none}</option>
        <option value="customer">{m.byCustomer}</option>
        {categories.length > 0 && <option value="category">{m.byCategory}</option>}
      </select>
      {by === 'customer' && (
        <label class="inline">
          {m.newPercent}
          <input
            type="number"
            {...percentField('newPercent', draft.newPercent ?? 0, (newPercent) =>
              onChange({ newPercent }),
            )}
          />
        </label>
      )}
      {by === 'category' &&
        categories.map((c) => (
          <label class="inline" key={c.id}>
            {m.categoryPercent(c.name)}
            <input
              type="number"
              {...percentField(
                `category-percent-${c.id}`,
                draft.categoryPercents?.[c.id] ?? 0,
                (p) => onChange({ categoryPercents: { ...draft.categoryPercents, [c.id]: p } }),
              )}
            />
          </label>
        ))}
      {breakdown && (
        <p class="muted" data-segment-preview>
          {breakdown.parts.map((p, i) => {
            const key = 'segment' in p ? p.segment : p.category;
            const label = 'segment' in p ? m[p.segment] : nameOf(p.category);
            return (
              <span key={key}>
                {i > 0 ? ' · ' : ''}
                {label}: <span data-part={key}>{show(p.value)}</span>
              </span>
            );
          })}
        </p>
      )}
    </fieldset>
  );
}
