/**
 * The board's filters: the overview's switches, the exports and the contests tab (its team) read
 * them; changing one re-fetches only what depends on it.
 */
import { signal } from '@preact/signals';
import type { z } from 'zod';
import type { LeaderboardBy, PeriodKind } from '../../../../shared/api/index.ts';

export type BoardBy = z.infer<typeof LeaderboardBy>;

export interface BoardFilters {
  teamId: string | undefined;
  period: PeriodKind;
  /** A date inside the wanted period; undefined = today (in the org's zone, on the server). */
  date: string | undefined;
  by: BoardBy;
}

export const filters = signal<BoardFilters>({
  teamId: undefined,
  period: 'month',
  date: undefined,
  by: 'attainment',
});

export const setFilter = (patch: Partial<BoardFilters>) => {
  filters.value = { ...filters.value, ...patch };
};
