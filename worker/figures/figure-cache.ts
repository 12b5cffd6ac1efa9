/**
 * Leaderboard figures per member, cached in `board_figures` per board slot. A member's entry only
 * changes when their own events change (members.version), when targets, settings, teams or members
 * change (orgs.config_version), or when their local day turns (streaks): that triple is the stamp.
 * Figures on a board are time-of-day independent (the pace line is taken at the start of the
 * member's day), so a stamp match is an exact answer.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { OrgSettings } from '../../shared/api/index.ts';
import { periodContaining } from '../../shared/domain/calendar.ts';
import { addDays, localDateOf } from '../../shared/domain/dates.ts';
import type { MembershipPeriod } from '../../shared/domain/membership.ts';
import { findRatio, type RatioDefinition, type RatioParts } from '../../shared/domain/ratios.ts';
import { tierStatus } from '../../shared/domain/tiers.ts';
import type { MemberRow } from '../context.ts';
import { membersCustomerParts } from '../customer-kpis/queries.ts';
import { readByIds } from '../db/chunked.ts';
import type { Db } from '../db/client.ts';
import { boardFigures, members } from '../db/schema.ts';
import { loadQuotas } from '../quotas/queries.ts';
import { sha256Hex } from '../sessions/crypto.ts';
import { loadTargetsOverlapping } from '../targets/queries.ts';
import type { TeamRow } from '../teams/queries.ts';
import { withLongStreak } from './full-streak.ts';
import { type LookBack, memberFigures, periodsRange, type Window } from './member-figures.ts';
import { metricParts, ratioFigures, ratioTargetOf } from './ratio-figures.ts';
import { membersRollups, type RollupRow } from './rollups.ts';

/**
 * What one leaderboard entry needs. `achieved`, `target` and `percent` are the ranked metric's
 * when ranking by a metric, else the primary metric's, all over the board's period; `tier` is
 * the primary metric's tier in that same period (tiers are percentages of the shown period's target).
 */
export interface BoardFigures {
  achieved: number;
  target: number;
  percent: number | null;
  tier: string | null;
  streak: number;
  points: number;
  /** The ranked metric's total when ranking by a metric, else null. */
  metricTotal: number | null;
  /**
   * The shown metric's expected-by-now at the start of the member's day (its pace status:
   * shared/domain/pace.ts); absent in rows cached before it was kept.
   */
  expected?: number;
  /**
   * Ranking by a ratio KPI (shared/domain/ratios.ts): its parts over the period, so a team's
   * ratio is its reps' parts added up and divided once. Then `metricTotal` is the ratio (null
   * while the denominator is 0) and achieved / target / percent are the ratio's.
   */
  parts?: RatioParts;
}

export interface BoardInput {
  orgId: string;
  configVersion: number;
  settings: OrgSettings;
  teams: TeamRow[];
  /**
   * The org's membership history (team target shares are split over each day's reps), loaded
   * only when some member's figures must be computed.
   */
  membership: () => Promise<MembershipPeriod[]>;
  /** The members on the board. */
  board: MemberRow[];
  /**
   * Cache rows already read for some members (`readAhead`, in parallel with the read that decides
   * who is on the board); the members not among `ids` are read here.
   */
  ahead?: CachedAhead;
  /** The board's window; each member's `today` is their own. */
  win: Window;
  /** `attainment`, `points`, `streak` or a metric id. */
  by: string;
  now: Date;
}

// `b3`: what the figures mean (the ranked metric's numbers, the shown period's tier); a new meaning
// gets a new prefix so rows cached under the old one are never read as the new.
const slotOf = (input: Pick<BoardInput, 'win' | 'by'>) =>
  `b4:${input.win.period.kind}:${input.win.period.start}:${input.by}`;
/**
 * What a member's cached figures depend on besides the slot: the org's config counter, the
 * member's own change counter and their local day.
 */
export const stampFor = (configVersion: number, m: MemberRow, now: Date) =>
  `${configVersion}:${m.version}:${localDateOf(now, m.timezone)}`;

/** {@link stampFor} for many members at one instant: each time zone's day is worked out once. */
function stamper(configVersion: number, now: Date) {
  const days = new Map<string, string>();
  return (m: MemberRow) => {
    let day = days.get(m.timezone);
    if (day === undefined) {
      day = localDateOf(now, m.timezone);
      days.set(m.timezone, day);
    }
    return `${configVersion}:${m.version}:${day}`;
  };
}

/** Where a member's look-back (streak and funnel history: shared by progress and boards) is kept. */
export const LOOK_BACK_SLOT = 'look-back';

/**
 * The stamp of a member's look-back, for many members at one instant. A look-back depends on the
 * member's events (their change counter), the org's settings (points, daily goal, calendar) and
 * their day, not on targets, teams or quotas: the settings enter by digest rather than by the
 * config counter, so saving a target leaves every look-back valid.
 */
export async function lookBackStamper(settings: OrgSettings, now: Date) {
  const digest = (await sha256Hex(JSON.stringify(settings))).slice(0, 16);
  const day = stamper(0, now);
  return (m: MemberRow) => `s:${digest}:${day(m)}`;
}

/** The statement storing one member's figures for a slot (upsert). */
export function cacheFigures(
  db: Db,
  memberId: string,
  slot: string,
  stamp: string,
  value: unknown,
) {
  const values = { stamp, figures: JSON.stringify(value) };
  return db
    .insert(boardFigures)
    .values({ memberId, slot, ...values })
    .onConflictDoUpdate({ target: [boardFigures.memberId, boardFigures.slot], set: values });
}

type CachedRow = { stamp: string; figures: string };

/** Cached rows of some members for one slot. Cost: one primary-key read per member, one round trip. */
export async function readCached(
  db: Db,
  ids: readonly string[],
  slot: string,
): Promise<Map<string, CachedRow>> {
  const rows = await readByIds(db, ids, (part) =>
    db
      .select({
        memberId: boardFigures.memberId,
        stamp: boardFigures.stamp,
        figures: boardFigures.figures,
      })
      .from(boardFigures)
      .where(and(inArray(boardFigures.memberId, part), sql`${boardFigures.slot} = ${slot}`)),
  );
  return new Map(rows.map((r) => [r.memberId, r]));
}

/** Cache rows read ahead for the members `ids` (see `BoardInput.ahead`). */
export interface CachedAhead {
  ids: ReadonlySet<string>;
  rows: Map<string, CachedRow>;
}

/**
 * The cache rows of a board's likely members (those now on its teams), read while the caller
 * still works out who exactly is on it: the board then costs one round trip less.
 */
export async function readAhead(
  db: Db,
  ids: readonly string[],
  board: Pick<BoardInput, 'win' | 'by'>,
): Promise<CachedAhead> {
  return { ids: new Set(ids), rows: await readCached(db, ids, slotOf(board)) };
}

/**
 * {@link readAhead} for the members now on `teamIds` (the board's subtree), read without first
 * knowing who they are: the cache row of each (or none), one statement per ≤ 90 teams, one batch.
 * Cost: one index read per member of those teams and one primary-key read per cached row.
 */
export async function readAheadOnTeams(
  db: Db,
  teamIds: readonly string[],
  board: Pick<BoardInput, 'win' | 'by'>,
): Promise<CachedAhead> {
  const slot = slotOf(board);
  const rows = await readByIds(db, teamIds, (part) =>
    db
      .select({ memberId: members.id, stamp: boardFigures.stamp, figures: boardFigures.figures })
      .from(members)
      .leftJoin(
        boardFigures,
        and(eq(boardFigures.memberId, members.id), eq(boardFigures.slot, slot)),
      )
      .where(inArray(members.teamId, part)),
  );
  const cached = new Map<string, CachedRow>();
  for (const r of rows)
    if (r.stamp !== null && r.figures !== null)
      cached.set(r.memberId, { stamp: r.stamp, figures: r.figures });
  return { ids: new Set(rows.map((r) => r.memberId)), rows: cached };
}

/**
 * Figures of every board member: from the cache where the stamp matches, else computed from
 * rollups + targets (read only when some member is stale) and written back.
 * Cost: one cached row per member; for stale members also their kept look-backs, the org's
 * targets overlapping the window, its quotas and its membership history, and for a customer KPI
 * their customer KPI parts (worker/customer-kpis/queries.ts: one short row per member whose
 * purchases have not changed since they were last worked out), all in parallel; then their
 * rollups: over the periods only for a member whose look-back is kept (a target saved since
 * leaves it valid), over the window's 120-day look-back for the others, whose look-backs are
 * kept in the same batch as the figures.
 */
export async function boardFiguresOf(
  db: Db,
  input: BoardInput,
): Promise<Map<string, BoardFigures>> {
  const slot = slotOf(input);
  const stampOf = stamper(input.configVersion, input.now);
  const { ahead } = input;
  const cached = new Map(ahead?.rows);
  const unread = input.board.filter((m) => !ahead?.ids.has(m.id)).map((m) => m.id);
  if (unread.length > 0)
    for (const [id, row] of await readCached(db, unread, slot)) cached.set(id, row);
  const result = new Map<string, BoardFigures>();
  const stale: MemberRow[] = [];
  for (const m of input.board) {
    const hit = cached.get(m.id);
    if (hit && hit.stamp === stampOf(m)) result.set(m.id, JSON.parse(hit.figures));
    else stale.push(m);
  }
  if (stale.length === 0) return result;

  const { win } = input;
  const ratio = findRatio(input.by);
  const lookStamp = await lookBackStamper(input.settings, input.now);
  const todayOf = (m: MemberRow) => localDateOf(input.now, m.timezone);
  const [targets, quotas, membership, looks, customerParts] = await Promise.all([
    loadTargetsOverlapping(db, input.orgId, win.start, win.end),
    loadQuotas(db, input.orgId),
    input.membership(),
    readCached(
      db,
      stale.map((m) => m.id),
      LOOK_BACK_SLOT,
    ),
    ratio?.source === 'customers'
      ? membersCustomerParts(
          db,
          stale,
          win.period,
          periodContaining(win.period.kind, addDays(win.period.start, -1), input.settings.calendar),
        )
      : null,
  ]);
  // A member whose look-back is kept needs only the periods' rollups, not 120 days of them.
  const lookBacks = new Map<string, LookBack>();
  for (const m of stale) {
    const kept = looks.get(m.id);
    if (kept && kept.stamp === lookStamp(m)) lookBacks.set(m.id, JSON.parse(kept.figures));
  }
  const short = stale.filter((m) => lookBacks.has(m.id));
  const long = stale.filter((m) => !lookBacks.has(m.id));
  const shortRanges = short.map((m) => periodsRange({ ...win, today: todayOf(m) }));
  const [shortRows, longRows] = await Promise.all([
    membersRollups(
      db,
      short.map((m) => m.id),
      shortRanges.map((r) => r.start).sort()[0] ?? win.start,
      shortRanges
        .map((r) => r.end)
        .sort()
        .at(-1) ?? win.end,
    ),
    membersRollups(
      db,
      long.map((m) => m.id),
      win.start,
      win.end,
    ),
  ]);
  const rows = [...shortRows, ...longRows];
  const rowsBy = new Map<string, RollupRow[]>();
  for (const r of rows) {
    const own = rowsBy.get(r.memberId);
    if (own) own.push(r);
    else rowsBy.set(r.memberId, [r]);
  }
  const context = {
    settings: input.settings,
    teams: input.teams,
    membership,
    targets,
    quotas,
    now: input.now,
  };
  const needed = new Set([input.settings.primaryMetric, input.by]);
  const computed = await Promise.all(
    stale.map(async (m) => {
      const today = todayOf(m);
      const look = lookBacks.get(m.id);
      const f = memberFigures(context, m, rowsBy.get(m.id) ?? [], { ...win, today }, needed, look);
      return { m, f: await withLongStreak(db, input.settings, m, today, f) };
    }),
  );
  // Look-backs worked out here are kept for the next board or progress read.
  const lookWrites = computed
    .filter(({ m }) => !lookBacks.has(m.id))
    .map(({ m, f }) => cacheFigures(db, m.id, LOOK_BACK_SLOT, lookStamp(m), f.lookBack));
  const partsOf = (m: MemberRow, def: RatioDefinition): RatioParts => {
    if (!customerParts) return metricParts(def, rowsBy.get(m.id) ?? [], win.period);
    const own = customerParts.get(m.id);
    const pick = (part: string | null) =>
      part === null ? 0 : (own?.[part as keyof typeof own] ?? 0);
    return { numerator: pick(def.numerator), denominator: pick(def.denominator) };
  };
  const writes = computed.map(({ m, f }) => {
    const tier = tierStatus({
      achieved: f.primary.achieved,
      target: f.primary.target,
      ladder: input.settings.tiers.ladder,
    }).current;
    if (ratio) {
      const target = ratioTargetOf(m, ratio.id, targets, input.teams, win.period);
      const r = ratioFigures(ratio, partsOf(m, ratio), target);
      const figures: BoardFigures = {
        achieved: r.value ?? 0,
        target: r.target ?? 0,
        percent: r.percent,
        tier,
        streak: f.streak.current,
        points: f.points.period,
        metricTotal: r.value,
        parts: r.parts,
      };
      result.set(m.id, figures);
      return cacheFigures(db, m.id, slot, stampOf(m), figures);
    }
    const ranked = f.metrics.find((x) => x.metric === input.by);
    const shown = ranked ?? f.primary;
    const figures: BoardFigures = {
      achieved: shown.achieved,
      target: shown.target,
      percent: shown.percent,
      tier,
      streak: f.streak.current,
      points: f.points.period,
      metricTotal: ranked?.achieved ?? null,
      expected: f.expectedAtDayStart[shown.metric] ?? 0,
    };
    result.set(m.id, figures);
    return cacheFigures(db, m.id, slot, stampOf(m), figures);
  });
  const [first, ...rest] = [...writes, ...lookWrites];
  if (first) await db.batch([first, ...rest]);
  return result;
}
