/**
 * The editor's breakdown of a revenue or deal target by customer segment: a percentage from new
 * customers (the rest from existing ones) and the parts it makes, whole units adding up to the
 * target exactly (shared/domain/breakdown.ts, as the worker stores them).
 */
import { canBreakDown } from '../../../../shared/domain/breakdown.ts';
import { formatMoney } from '../../../../shared/domain/money.ts';
import { locale, t } from '../i18n/index.ts';
import { breakdownOfDraft, type TargetDraft } from './draft.ts';

const DEFAULT_NEW_PERCENT = 40;

export function SegmentSplit({
  draft,
  value,
  currency,
  onChange,
}: {
  draft: TargetDraft;
  value: number;
  /** Set for an amount metric: its parts are shown to the minor unit, so they visibly add up. */
  currency: string | null;
  onChange: (change: Partial<TargetDraft>) => void;
}) {
  if (!canBreakDown(draft.metric)) return null;
  const m = t.value.segments;
  const show = (v: number) =>
    currency === null
      ? new Intl.NumberFormat(locale.value).format(v)
      : formatMoney(v, currency, locale.value, 'exact');
  const breakdown = breakdownOfDraft(draft, value);
  const part = (segment: 'new' | 'existing') =>
    breakdown?.parts.find((p) => p.segment === segment)?.value ?? 0;
  return (
    <fieldset class="segments" data-segment-split>
      <legend>{m.title}</legend>
      <label class="inline">
        <input
          type="checkbox"
          name="segmented"
          checked={draft.newPercent !== null}
          onChange={(e) =>
            onChange({ newPercent: e.currentTarget.checked ? DEFAULT_NEW_PERCENT : null })
          }
        />
        {m.enable}
      </label>
      {draft.newPercent !== null && (
        <>
          <label class="inline">
            {m.newPercent}
            <input
              type="number"
              name="newPercent"
              min={0}
              max={100}
              step="any"
              value={draft.newPercent}
              onInput={(e) => {
                const typed = Number(e.currentTarget.value);
                if (e.currentTarget.value !== '' && Number.isFinite(typed)) {
                  onChange({ newPercent: Math.min(100, Math.max(0, typed)) });
                }
              }}
            />
          </label>
          <p class="muted" data-segment-preview>
            {m.new}: <span data-part="new">{show(part('new'))}</span> · {m.existing}:{' '}
            <span data-part="existing">{show(part('existing'))}</span>
          </p>
        </>
      )}
    </fieldset>
  );
}
