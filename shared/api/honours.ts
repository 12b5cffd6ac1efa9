import { z } from 'zod';
import { Id, Instant, LocalDate } from './common.ts';

// Honours: contest rounds a member won, kept once the round is settled (winners:
// `periodChampions` in shared/domain/leaderboard.ts). Team against team honours every member of the winning sub-team.

export const HonourView = z.object({
  contest: z.object({
    id: Id,
    /** As it was named when the round was settled. */
    name: z.string(),
    /**
     * What it ranks (a metric id or `points`), to read `value` in: the contest's current metric
     * (an edit of the metric applies to its past rounds too); null if the contest is gone.
     */
    metric: z.string().nullable(),
  }),
  round: z.object({ start: LocalDate, end: LocalDate }),
  /** The winning sub-team the member was in (team against team); null for member contests. */
  team: z.object({ id: Id, name: z.string() }).nullable(),
  value: z.number().nullable(),
  /** When the honour was recorded (the first read after the round ended). */
  at: Instant,
});
export type HonourView = z.infer<typeof HonourView>;

export const HonoursResponse = z.object({ honours: z.array(HonourView) });
export type HonoursResponse = z.infer<typeof HonoursResponse>;
