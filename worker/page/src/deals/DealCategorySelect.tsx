/**
 * A won deal's product category, changeable after the fact by its rep or their manager: the
 * server moves the deal between the categories' rollups, so targets split by category follow.
 */
import { useState } from 'preact/hooks';
import type { EventView, OrgSettings } from '../../../../shared/api/index.ts';
import { t } from '../i18n/index.ts';
import { setDealCategory } from './api.ts';

export function DealCategorySelect({
  deal,
  settings,
}: {
  deal: Pick<EventView, 'id' | 'category'>;
  settings: OrgSettings;
}) {
  const m = t.value.deals;
  const [value, setValue] = useState(deal.category ?? '');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | { error: string }>('idle');
  const categories = settings.productCategories ?? [];
  const change = (next: string) => {
    const before = value;
    setValue(next);
    setState('saving');
    setDealCategory(deal.id, next === '' ? null : next)
      .then((r) => {
        setValue(r.category ?? '');
        setState('saved');
      })
      .catch((e: unknown) => {
        setValue(before);
        setState({ error: e instanceof Error ? e.message : String(e) });
      });
  };
  return (
    <span class="deal-category">
      <select
        name={`category-${deal.id}`}
        value={value}
        disabled={state === 'saving'}
        aria-label={m.category}
        onChange={(e) => change((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{m.none}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {state === 'saved' && (
        <span class="muted small" role="status">
          {' '}
          {m.saved}
        </span>
      )}
      {typeof state === 'object' && (
        <span class="error small" role="alert">
          {' '}
          {state.error}
        </span>
      )}
    </span>
  );
}
