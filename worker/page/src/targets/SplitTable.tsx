/**
 * A team target's split over its reps: a weight or share per rep (as the mode asks), what each
 * carries (day by day over the reps on the team that day: `draft.ts`), and the sum.
 */
import type { Allocation } from '../../../../shared/api/index.ts';
import { groupedInput, parseDecimal } from '../../../../shared/domain/money.ts';
import { NumberInput } from '../components/NumberInput.tsx';
import { locale, t } from '../i18n/index.ts';
import { type SplitMode, type TargetDraft, wholeOf } from './draft.ts';

export function SplitTable({
  reps,
  mode,
  weights,
  shares,
  allocation,
  value,
  uncovered,
  show,
  onChange,
}: {
  /** `days`: the first and last day a rep is on the team, when not the whole period. */
  reps: readonly { id: string; name: string; days?: { from: string; to: string } }[];
  mode: SplitMode;
  weights: TargetDraft['weights'];
  shares: TargetDraft['shares'];
  allocation: Allocation;
  value: number;
  /** What days with no rep on the team carry (0 until who was on the team is known). */
  uncovered: number;
  show: (v: number) => string;
  onChange: (change: Pick<TargetDraft, 'weights'> | Pick<TargetDraft, 'shares'>) => void;
}) {
  const m = t.value.targets;
  const balanced = allocation.unallocated === 0;
  return (
    <div>
      <table class="shares">
        <thead>
          <tr>
            <th scope="col">{m.member}</th>
            {mode !== 'equal' && (
              <th scope="col" class="num">
                {mode === 'weights' ? m.weight : m.share}
              </th>
            )}
            <th scope="col" class="num">
              {m.allocated}
            </th>
          </tr>
        </thead>
        <tbody>
          {reps.map((x) => {
            const share = allocation.shares.find((s) => s.memberId === x.id)?.value ?? 0;
            return (
              <tr key={x.id} data-member={x.id}>
                <td>
                  {x.name}
                  {x.days && (
                    <span class="muted small" data-days={`${x.days.from}/${x.days.to}`}>
                      {' '}
                      · {m.onTeam(x.days.from, x.days.to)}
                    </span>
                  )}
                </td>
                {mode === 'explicit' && (
                  <td class="num">
                    {/* A share in whole currency units, grouped as it is read. */}
                    <NumberInput
                      label={`${m.share}: ${x.name}`}
                      digits={0}
                      locale={locale.value}
                      text={
                        shares[x.id] === undefined
                          ? ''
                          : groupedInput(shares[x.id] as number, 0, locale.value)
                      }
                      onText={(text) =>
                        onChange({ shares: { ...shares, [x.id]: parseDecimal(text, 0) ?? 0 } })
                      }
                    />
                  </td>
                )}
                {mode === 'weights' && (
                  <td class="num">
                    <input
                      type="number"
                      min="0"
                      step="1"
                      aria-label={`${m.weight}: ${x.name}`}
                      value={weights[x.id] ?? ''}
                      onInput={(e) =>
                        onChange({
                          weights: { ...weights, [x.id]: wholeOf(e.currentTarget.value) },
                        })
                      }
                    />
                  </td>
                )}
                <td class="num share" data-value={share}>
                  {show(share)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p
        class={balanced ? 'sum ok' : 'sum bad'}
        role="status"
        data-unallocated={allocation.unallocated}
      >
        {m.allocated} {show(allocation.allocated)} / {show(value)} ·{' '}
        {balanced
          ? m.balanced
          : allocation.unallocated < 0
            ? `${m.over} ${show(-allocation.unallocated)}`
            : `${m.under} ${show(allocation.unallocated)}`}
      </p>
      {uncovered > 0 && (
        <p class="muted small" data-uncovered={uncovered}>
          {m.uncovered(show(uncovered))}
        </p>
      )}
    </div>
  );
}
