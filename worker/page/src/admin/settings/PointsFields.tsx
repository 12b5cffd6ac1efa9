/** The settings form's points per count metric and the incentive ladder (阶梯激励). */
import type { OrgSettings, Tier } from '../../../../../shared/api/index.ts';
import { metricLabel } from '../../app/metrics.ts';
import { t } from '../../i18n/index.ts';
import { countMetrics } from './draft.ts';

export function PointsWeightFields({
  settings,
  points,
  onChange,
}: {
  /** The saved settings: their count metrics are the ones with points to edit. */
  settings: OrgSettings;
  points: Record<string, number>;
  onChange: (next: Record<string, number>) => void;
}) {
  const m = t.value.admin;
  return (
    <fieldset>
      <legend>{m.pointsWeights}</legend>
      <div class="row">
        {countMetrics(settings).map((x) => (
          <label key={x.id} class="narrow">
            {metricLabel(x.id, settings)}
            <input
              type="number"
              min="0"
              name={`points-${x.id}`}
              value={points[x.id]}
              onInput={(e) => onChange({ ...points, [x.id]: Number(e.currentTarget.value) })}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function TierFields({
  tiers,
  onChange,
}: {
  tiers: Tier[];
  onChange: (next: Tier[]) => void;
}) {
  const m = t.value.admin;
  const setTier = (i: number, patch: Partial<Tier>) =>
    onChange(tiers.map((tier, k) => (k === i ? { ...tier, ...patch } : tier)));
  return (
    <fieldset>
      <legend>{m.tiers}</legend>
      <table class="plain">
        <thead>
          <tr>
            <th scope="col">{m.threshold}</th>
            <th scope="col">{m.nameEn}</th>
            <th scope="col">{m.nameZh}</th>
            <th scope="col">{m.reward}</th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier, i) => (
            <tr key={tier.id}>
              <td>
                <input
                  type="number"
                  min="1"
                  aria-label={`${m.threshold} ${tier.name.en}`}
                  value={tier.threshold}
                  onInput={(e) => setTier(i, { threshold: Number(e.currentTarget.value) })}
                />
              </td>
              <td>
                <input
                  aria-label={`${m.nameEn} ${tier.id}`}
                  value={tier.name.en}
                  onInput={(e) => setTier(i, { name: { ...tier.name, en: e.currentTarget.value } })}
                />
              </td>
              <td>
                <input
                  aria-label={`${m.nameZh} ${tier.id}`}
                  value={tier.name.zh}
                  onInput={(e) => setTier(i, { name: { ...tier.name, zh: e.currentTarget.value } })}
                />
              </td>
              <td>
                <input
                  aria-label={`${m.reward} ${tier.id}`}
                  value={tier.reward}
                  onInput={(e) => setTier(i, { reward: e.currentTarget.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
