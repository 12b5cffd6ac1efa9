/**
 * The "Won deal" form's product category: one of the org's (settings `productCategories`), or
 * none; shown only when the org has some. A target may break down by category
 * (shared/domain/breakdown.ts).
 */
import type { RefObject } from 'preact';
import type { SidebarStore } from '../store.ts';

export function DealCategory({
  store,
  selectRef,
}: {
  store: SidebarStore;
  selectRef: RefObject<HTMLSelectElement | null>;
}) {
  const t = store.t.value;
  const categories = store.shown.value.categories ?? [];
  if (categories.length === 0) return null;
  return (
    <label>
      <span>{t('wonDealCategory')}</span>
      <select ref={selectRef} name="category" data-testid="pacer-won-deal-category">
        <option value="">{t('wonDealNoCategory')}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
