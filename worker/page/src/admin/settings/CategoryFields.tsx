/**
 * The settings form's product categories: the team's own list (an id, fixed once saved because
 * won deals and targets refer to it, and a name). Targets may break down by them
 * (shared/domain/breakdown.ts) and a won deal may carry one.
 */
import type { ProductCategory } from '../../../../../shared/api/index.ts';
import { t } from '../../i18n/index.ts';

export function CategoryFields({
  categories,
  saved,
  onChange,
}: {
  categories: ProductCategory[];
  /** Ids already stored: they are fixed. */
  saved: ReadonlySet<string>;
  onChange: (next: ProductCategory[]) => void;
}) {
  const m = t.value.segments;
  const set = (i: number, patch: Partial<ProductCategory>) =>
    onChange(categories.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
    <fieldset data-categories>
      <legend>{m.categories}</legend>
      <p class="muted">{m.categoriesHelp}</p>
      <table class="plain">
        <thead>
          <tr>
            <th scope="col">{m.categoryId}</th>
            <th scope="col">{m.categoryName}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {categories.map((x, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={`${m.categoryId} ${i + 1}`}
                  name={`category-id-${i}`}
                  value={x.id}
                  readOnly={saved.has(x.id)}
                  pattern="[a-z][a-z0-9_]{0,31}"
                  required
                  onInput={(e) => set(i, { id: e.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${m.categoryName} ${i + 1}`}
                  name={`category-name-${i}`}
                  value={x.name}
                  maxLength={40}
                  required
                  onInput={(e) => set(i, { name: e.currentTarget.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => onChange(categories.filter((_, k) => k !== i))}
                >
                  {t.value.admin.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {categories.length < 20 && (
        <button type="button" onClick={() => onChange([...categories, { id: '', name: '' }])}>
          {m.addCategory}
        </button>
      )}
    </fieldset>
  );
}
