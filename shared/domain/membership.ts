import type { Allocation, LocalDate, TeamSplit } from '../api/index.ts';
import { DomainError } from './errors.ts';
import type { Label } from './language.ts';
import { ownValue } from './own.ts';
import { largestRemainder } from './rounding.ts';

// Membership history and team targets split day by day (effective dating; worked example in
// docs/architecture.md, "Team targets split over reps"). Who is on a team is not a fact of the
// moment a figure is read but of each day: a team target's value for a day is shared by the reps
// of the team on that day, so a rep who joins on the 25th carries only the days from the 25th,
// and a period that has ended never changes when people come and go later.

/**
 * One stretch of a member's history: on `teamId` with `role` from `from` (inclusive) until
 * `until` (exclusive; null while it lasts). Joining opens a stretch, a move or a role change
 * closes it and opens the next, leaving closes it.
 */
export type MembershipPeriod = {
  memberId: string;
  teamId: string;
  role: 'rep' | 'manager';
  from: LocalDate;
  until: LocalDate | null;
};

/** Whether the stretch covers `day`. */
export function covers(period: Pick<MembershipPeriod, 'from' | 'until'>, day: LocalDate): boolean {
  return period.from <= day && (period.until === null || day < period.until);
}

/**
 * A fast "who is a rep of these teams on this day": the stretches of reps in `teamIds`, indexed
 * once so a year of days over hundreds of members stays cheap.
 */
export function repsOnTeams(
  periods: readonly MembershipPeriod[],
  teamIds: ReadonlySet<string>,
): (day: LocalDate) => string[] {
  const relevant = periods.filter((p) => p.role === 'rep' && teamIds.has(p.teamId));
  const memo = new Map<LocalDate, string[]>();
  return (day) => {
    let ids = memo.get(day);
    if (!ids) {
      // A member on two teams of the subtree the same day (bad data) counts once.
      ids = [...new Set(relevant.filter((p) => covers(p, day)).map((p) => p.memberId))].sort();
      memo.set(day, ids);
    }
    return ids;
  };
}

/**
 * How a member stands on the board of a set of teams for a span: null unless they were a rep of
 * those teams on some day of it; then `current` if they are on those teams at `asOf`, `moved` if
 * they are elsewhere in the org, `removed` if they have left it (no stretch open or ahead).
 * `periods` may be every member's; only `memberId`'s are read.
 */
export function standingIn(
  memberId: string,
  periods: readonly MembershipPeriod[],
  teamIds: ReadonlySet<string>,
  span: { start: LocalDate; end: LocalDate },
  asOf: LocalDate,
): 'current' | 'moved' | 'removed' | null {
  const own = periods.filter((p) => p.memberId === memberId);
  const inSpan = own.some(
    (p) =>
      p.role === 'rep' &&
      teamIds.has(p.teamId) &&
      p.from <= span.end &&
      (p.until === null || p.until > span.start) &&
      (p.until === null || p.from < p.until),
  );
  if (!inSpan) return null;
  const now = own.find((p) => covers(p, asOf));
  if (now && teamIds.has(now.teamId)) return 'current';
  const stillInOrg = now !== undefined || own.some((p) => p.until === null || p.from > asOf);
  return stillInOrg ? 'moved' : 'removed';
}

/** The words for a past board's rep who has since moved or left, where the server writes them (CSV). */
export const STANDING_LABELS: Record<'moved' | 'removed', Label> = {
  moved: { en: 'moved', zh: '已调岗' },
  removed: { en: 'left', zh: '已离开' },
};

/** A team target's value per day split over the members of each day. */
export type DailySplit = {
  /** Each member's value per day (only days they carry something or are present). */
  byMember: Map<string, Map<LocalDate, number>>;
  /** Each member's total over the days given. */
  allocation: Allocation;
  /** Days whose value nobody carries (no rep on the team that day), with that value. */
  uncovered: Map<LocalDate, number>;
};

/**
 * Splits a team's daily values over the reps present each day (`presentOn`), by `split`:
 *
 * - `equal` and `weights`: each day's value is shared by that day's reps in proportion to their
 *   weight (equal: 1 each; a rep without a weight 0; all-zero weights share equally). The parts
 *   of every day add up exactly to that day's value, and each member's total is the
 *   largest-remainder rounding of their exact proportional total, so three reps present all month
 *   carry exactly a third each of a value divisible by three.
 * - `explicit`: a member's share is theirs, spread over the days they are present in proportion
 *   to the team's days; a member never present carries nothing, and what is not given out is
 *   reported as unallocated (negative when over-allocated).
 *
 * Days with no rep are uncovered (their value is unallocated). Deterministic: ids are sorted.
 */
export function splitDaily(
  daily: ReadonlyMap<LocalDate, number>,
  presentOn: (day: LocalDate) => readonly string[],
  split: TeamSplit = { mode: 'equal' },
): DailySplit {
  const days = [...daily.keys()].sort();
  let value = 0;
  for (const d of days) {
    const v = daily.get(d) ?? 0;
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new DomainError(`a daily target must be a whole number ≥ 0: ${v}`);
    }
    value += v;
  }
  const present = days.map((d) => presentOn(d));
  const ids = [...new Set(present.flat())].sort();
  const byMember = new Map<string, Map<LocalDate, number>>(ids.map((id) => [id, new Map()]));
  const uncovered = new Map<LocalDate, number>();
  days.forEach((d, i) => {
    if ((present[i]?.length ?? 0) === 0 && (daily.get(d) ?? 0) > 0)
      uncovered.set(d, daily.get(d) ?? 0);
  });
  if (split.mode === 'explicit') {
    for (const id of ids) {
      const share = ownValue(split.shares, id) ?? 0;
      if (!Number.isSafeInteger(share) || share < 0) {
        throw new DomainError(`share of ${id} must be a whole number ≥ 0: ${share}`);
      }
      const mine = days.filter((_, i) => present[i]?.includes(id));
      const weights = mine.map((d) => daily.get(d) ?? 0);
      const parts = largestRemainder(share, weights, { ties: 'spread' });
      const row = byMember.get(id) as Map<LocalDate, number>;
      mine.forEach((d, k) => {
        row.set(d, parts[k] ?? 0);
      });
    }
  } else {
    const weightOf = (id: string) =>
      split.mode === 'weights' ? (ownValue(split.weights, id) ?? 0) : 1;
    proportionalByDay(days, daily, present, ids, weightOf, byMember);
  }
  const shares = ids.map((memberId) => {
    let sum = 0;
    for (const v of (byMember.get(memberId) as Map<LocalDate, number>).values()) sum += v;
    return { memberId, value: sum };
  });
  const allocated = shares.reduce((s, x) => s + x.value, 0);
  return { byMember, uncovered, allocation: { shares, allocated, unallocated: value - allocated } };
}

/**
 * Equal or weighted shares per day, rounded so that every day's parts sum to the day's value
 * (rows) and every member's parts sum to their rounded total (columns): floors first, then the
 * left-over units of each day go to the present members who still need the most per remaining
 * day, and any member still off is settled by moving single units along a chain of days.
 */
function proportionalByDay(
  days: readonly LocalDate[],
  daily: ReadonlyMap<LocalDate, number>,
  present: readonly (readonly string[])[],
  ids: readonly string[],
  weightOf: (id: string) => number,
  byMember: Map<string, Map<LocalDate, number>>,
): void {
  const col = new Map(ids.map((id, k) => [id, k]));
  const exactTotal = ids.map(() => 0);
  // Per day: present member columns, exact quotas, floors.
  const cells = days.map((d, i) => {
    const here = present[i] ?? [];
    const value = daily.get(d) ?? 0;
    const raw = here.map((id) => {
      const w = weightOf(id);
      if (!Number.isFinite(w) || w < 0)
        throw new DomainError(`weights must be finite and ≥ 0: ${w}`);
      return w;
    });
    const largest = Math.max(0, ...raw);
    const rel = largest > 0 ? raw.map((w) => w / largest) : raw.map(() => 1);
    const sum = rel.reduce((s, w) => s + w, 0);
    const quotas = here.length === 0 ? [] : rel.map((w) => Math.min(value, (value * w) / sum));
    here.forEach((id, k) => {
      bump(exactTotal, col.get(id) as number, quotas[k] ?? 0);
    });
    return { here, value, quotas, floors: quotas.map((q) => Math.floor(q)) };
  });
  const coveredTotal = cells.reduce((s, c) => s + (c.here.length > 0 ? c.value : 0), 0);
  const target =
    ids.length === 0
      ? []
      : largestRemainder(
          coveredTotal,
          exactTotal.map((x) => Math.max(0, x)),
        );
  const need = ids.map((_, k) => target[k] ?? 0);
  for (const c of cells) {
    c.here.forEach((id, k) => {
      bump(need, col.get(id) as number, -(c.floors[k] ?? 0));
    });
  }
  // Days still ahead on which each member can take a unit (for "need per remaining day").
  const ahead = ids.map(() => 0);
  for (const c of cells) for (const id of c.here) bump(ahead, col.get(id) as number, 1);
  const extra: Uint8Array[] = cells.map((c) => new Uint8Array(c.here.length));
  cells.forEach((c, i) => {
    let left = c.value - c.floors.reduce((s, f) => s + f, 0);
    const order = c.here
      .map((id, k) => ({
        k,
        m: col.get(id) as number,
        frac: (c.quotas[k] ?? 0) - (c.floors[k] ?? 0),
      }))
      .sort((a, b) => {
        const ua = (need[a.m] ?? 0) / (ahead[a.m] || 1);
        const ub = (need[b.m] ?? 0) / (ahead[b.m] || 1);
        return ub - ua || b.frac - a.frac || a.m - b.m;
      });
    for (const o of order) {
      if (left <= 0) break;
      (extra[i] as Uint8Array)[o.k] = 1;
      need[o.m] = (need[o.m] ?? 0) - 1;
      left--;
    }
    // More left-over units than reps cannot happen (each floor is within one of its quota), but
    // a bad float must not lose a unit: it goes to the first rep.
    if (left > 0 && c.here.length > 0) {
      c.floors[0] = (c.floors[0] ?? 0) + left;
      bump(need, col.get(c.here[0] as string) as number, -left);
    }
    for (const id of c.here) bump(ahead, col.get(id) as number, -1);
  });
  settleColumns(cells, extra, need, col);
  cells.forEach((c, i) => {
    const d = days[i] as LocalDate;
    c.here.forEach((id, k) => {
      byMember.get(id)?.set(d, (c.floors[k] ?? 0) + ((extra[i] as Uint8Array)[k] ?? 0));
    });
  });
}

const bump = (list: number[], i: number, by: number) => {
  list[i] = (list[i] ?? 0) + by;
};

/**
 * Moves single left-over units between members on the same day until no member is owed a unit
 * another holds in excess (`need` < 0: over, > 0: under). Each move keeps every day's sum; a
 * breadth-first search finds a chain under → … → over of days where the first lacks a unit the
 * next has. Bounded: at most one search per unit owed.
 */
function settleColumns(
  cells: readonly { here: readonly string[] }[],
  extra: Uint8Array[],
  need: number[],
  col: ReadonlyMap<string, number>,
): void {
  const positions = cells.map((c) => c.here.map((id) => col.get(id) as number));
  let budget = need.reduce((s, n) => s + Math.max(0, n), 0);
  while (budget-- > 0) {
    const start = need.findIndex((n) => n > 0);
    if (start < 0) return;
    // parent[m] = [previous member, day, k of previous, k of m]
    const parent = new Map<number, [number, number, number, number]>();
    const queue = [start];
    const seen = new Set([start]);
    let end = -1;
    while (queue.length > 0 && end < 0) {
      const u = queue.shift() as number;
      for (let i = 0; i < cells.length && end < 0; i++) {
        const pos = positions[i] as number[];
        const ku = pos.indexOf(u);
        if (ku < 0 || (extra[i] as Uint8Array)[ku] === 1) continue;
        for (let kv = 0; kv < pos.length; kv++) {
          const v = pos[kv] as number;
          if ((extra[i] as Uint8Array)[kv] !== 1 || seen.has(v)) continue;
          seen.add(v);
          parent.set(v, [u, i, ku, kv]);
          if ((need[v] ?? 0) < 0) {
            end = v;
            break;
          }
          queue.push(v);
        }
      }
    }
    if (end < 0) return; // nothing to trade with: the member stays within a unit or two
    need[start] = (need[start] ?? 0) - 1;
    need[end] = (need[end] ?? 0) + 1;
    for (let v = end; v !== start; ) {
      const [u, i, ku, kv] = parent.get(v) as [number, number, number, number];
      (extra[i] as Uint8Array)[kv] = 0;
      (extra[i] as Uint8Array)[ku] = 1;
      v = u;
    }
  }
}
