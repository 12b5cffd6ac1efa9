/** A team target's split over its reps: a weight or share per rep (as the mode asks) and the sum. */
import type { Allocation } from '../../../../shared/api/index.ts';
import { t } from '../i18n/index.ts';
import { type SplitMode, type TargetDraft, wholeOf } from './draft.ts';

export function SplitTable({
  reps,
  mode,
  weights,
  shares,
  allocation,
  value,
  show,
  onChange,
}: {
  reps: readonly { id: string; name: string }[];
  mode: SplitMode;
  weights: TargetDraft['weights'];
  shares: TargetDraft['shares'];
  allocation: Allocation;
  value: number;
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
                <td>{x.name}</td>
                {mode !== 'equal' && (
                  <td class="num">
                    <input
                      type="number"
                      min="0"
                      step="1"
                      aria-label={`${mode === 'weights' ? m.weight : m.share}: ${x.name}`}
                      value={(mode === 'weights' ? weights[x.id] : shares[x.id]) ?? ''}
                      onInput={(e) => {
                        const n = wholeOf(e.currentTarget.value);
                        onChange(
                          mode === 'weights'
                            ? { weights: { ...weights, [x.id]: n } }
                            : { shares: { ...shares, [x.id]: n } },
                        );
                      }}
                    />
                  </td>
                )}
                <td class="num share">{show(share)}</td>
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
    </div>
  );
}
