/** The settings form's custom metrics: the team's own things to count or sum, with their points. */
import type { CustomMetric } from '../../../../../shared/api/index.ts';
import { t } from '../../i18n/index.ts';

const blankMetric = (): CustomMetric => ({
  id: '',
  label: { en: '', zh: '' },
  kind: 'count',
  points: 0,
});

export function CustomMetricsFields({
  metrics,
  saved,
  onChange,
}: {
  metrics: CustomMetric[];
  /** Ids already stored: they are fixed (events refer to them). */
  saved: ReadonlySet<string>;
  onChange: (next: CustomMetric[]) => void;
}) {
  const m = t.value.admin;
  const set = (i: number, patch: Partial<CustomMetric>) =>
    onChange(metrics.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  return (
    <fieldset>
      <legend>{m.customMetrics}</legend>
      <table class="plain custom-metrics">
        <thead>
          <tr>
            <th scope="col">{m.metricId}</th>
            <th scope="col">{m.nameEn}</th>
            <th scope="col">{m.nameZh}</th>
            <th scope="col">{m.kind}</th>
            <th scope="col">{m.pointsEach}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {metrics.map((x, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={`${m.metricId} ${i + 1}`}
                  name={`custom-id-${i}`}
                  value={x.id}
                  readOnly={saved.has(x.id)}
                  pattern="[a-z][a-z0-9_]{1,31}"
                  required
                  onInput={(e) => set(i, { id: e.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${m.nameEn} ${i + 1}`}
                  name={`custom-en-${i}`}
                  value={x.label.en}
                  required
                  onInput={(e) => set(i, { label: { ...x.label, en: e.currentTarget.value } })}
                />
              </td>
              <td>
                <input
                  aria-label={`${m.nameZh} ${i + 1}`}
                  name={`custom-zh-${i}`}
                  value={x.label.zh}
                  required
                  onInput={(e) => set(i, { label: { ...x.label, zh: e.currentTarget.value } })}
                />
              </td>
              <td>
                <select
                  aria-label={`${m.kind} ${i + 1}`}
                  value={x.kind}
                  onChange={(e) => set(i, { kind: e.currentTarget.value as CustomMetric['kind'] })}
                >
                  <option value="count">{m.kindCount}</option>
                  <option value="amount">{m.kindAmount}</option>
                </select>
              </td>
              <td>
                <input
                  type="number"
                  min="0"
                  aria-label={`${m.pointsEach} ${i + 1}`}
                  value={x.points}
                  onInput={(e) => set(i, { points: Number(e.currentTarget.value) })}
                />
              </td>
              <td>
                <button type="button" onClick={() => onChange(metrics.filter((_, k) => k !== i))}>
                  {m.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onChange([...metrics, blankMetric()])}>
        {m.addMetric}
      </button>
    </fieldset>
  );
}
