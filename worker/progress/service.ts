/**
 * One member's progress as a plain function: per metric, tier, streak, points, milestones,
 * funnel needs, the activity quotas in effect and their personal goal, from rollups (never raw events). Reading it also records newly crossed milestones
 * and announces today's news, once each. The route (`routes.ts`) keeps the ETag and status codes.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Milestone,
  ProgressQuery as ProgressQuerySchema,
  ProgressResponse,
} from '../../shared/api/index.ts';
import { crossedMilestones, MILESTONE_THRESHOLDS } from '../../shared/domain/milestones.ts';
import { announce, progressMoments } from '../announcements/announce.ts';
import type { Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { milestones } from '../db/schema.ts';
import {
  cacheFigures,
  LOOK_BACK_SLOT,
  lookBackStamper,
  readCached,
} from '../figures/figure-cache.ts';
import { withLongStreak } from '../figures/full-streak.ts';
import {
  type LookBack,
  memberFigures,
  periodsRange,
  windowFor,
} from '../figures/member-figures.ts';
import { loadOrgContext } from '../figures/org-context.ts';
import { memberRollups } from '../figures/rollups.ts';
import { rememberLongestStreak } from '../figures/streak-record.ts';
import { goalOf } from '../goals/service.ts';
import { appliedQuotas } from '../quotas/queries.ts';
import { withSegmentProgress } from '../segment-targets/service.ts';

/** A validated `GET /me/progress` query. */
export type ProgressQuery = z.output<typeof ProgressQuerySchema>;

/** The progress answer without `version`, which is the route's ETag. */
export type Progress = Omit<ProgressResponse, 'version'>;

/** The caller's window for `query` at `now`, in the member's own time zone (the route keys its ETag on it). */
export function progressWindow(caller: Caller, query: ProgressQuery, now: Date) {
  return windowFor(caller.settings, caller.member.timezone, now, query.period, query.date);
}

/** The caller's progress for `query` at `now`. Cost: the periods' rollups (plus 120 days when the look-back cache is stale). */
export async function memberProgress(
  db: Db,
  caller: Caller,
  query: ProgressQuery,
  now: Date,
): Promise<Progress> {
  const { member, settings } = caller;
  const win = progressWindow(caller, query, now);
  // The streak and funnel history need 120 days of rollups; they are cached per member under
  // (the settings' digest, member counter, day: lookBackStamper), so most reads only cover the
  // periods, and a board that worked them out first leaves them for progress, and back.
  const stamp = (await lookBackStamper(settings, now))(member);
  const cached = (await readCached(db, [member.id], LOOK_BACK_SLOT)).get(member.id);
  const lookBack: LookBack | undefined =
    cached?.stamp === stamp ? JSON.parse(cached.figures) : undefined;
  const range = lookBack ? periodsRange(win) : win;
  const [context, rows, fired, goal] = await Promise.all([
    loadOrgContext(db, caller, range.start, range.end, now),
    memberRollups(db, member.id, range.start, range.end),
    db
      .select({ threshold: milestones.threshold, reachedAt: milestones.reachedAt })
      .from(milestones)
      .where(
        and(
          eq(milestones.memberId, member.id),
          eq(milestones.periodKind, win.tierPeriod.kind),
          eq(milestones.periodStart, win.tierPeriod.start),
        ),
      )
      .all(),
    goalOf(db, caller, settings.primaryMetric, win.period),
  ]);
  const figures = await withLongStreak(
    db,
    settings,
    member,
    win.today,
    memberFigures(context, member, rows, win, undefined, lookBack),
  );
  if (!lookBack) {
    await cacheFigures(db, member.id, LOOK_BACK_SLOT, stamp, figures.lookBack).run();
    await rememberLongestStreak(db, member, figures.lookBack.streak.longest);
  }

  // Record newly crossed thresholds; the primary key lets exactly one request (of any device)
  // insert each, and only that response says `justReached`.
  const crossed = crossedMilestones({
    percent: figures.tierPercent,
    alreadyFired: fired.map((m) => m.threshold),
  });
  const reachedAt = new Map(fired.map((m) => [m.threshold, m.reachedAt]));
  const justReached = new Set<number>();
  if (crossed.length > 0) {
    const reached = now.toISOString();
    const inserted = await db
      .insert(milestones)
      .values(
        crossed.map((threshold) => ({
          memberId: member.id,
          periodKind: win.tierPeriod.kind,
          periodStart: win.tierPeriod.start,
          threshold,
          reachedAt: reached,
        })),
      )
      .onConflictDoNothing()
      .returning({ threshold: milestones.threshold });
    for (const m of inserted) {
      justReached.add(m.threshold);
      reachedAt.set(m.threshold, reached);
    }
  }
  // Only today's progress is news; looking back at an old period announces nothing.
  if (query.date === undefined || query.date === win.today) {
    const moments = progressMoments(settings, member, {
      tierPeriodStart: win.tierPeriod.start,
      tier: figures.tier.current,
      justReached,
      currentStreak: figures.streak.current,
    });
    await announce(db, member, moments, now);
  }
  const milestoneList: Milestone[] = MILESTONE_THRESHOLDS.map((threshold) => ({
    threshold,
    period: win.tierPeriod,
    reachedAt: reachedAt.get(threshold) ?? null,
    ...(justReached.has(threshold) ? { justReached: true } : {}),
  }));
  return {
    period: win.period,
    memberId: member.id,
    primaryMetric: settings.primaryMetric,
    metrics: await withSegmentProgress(db, context, member, figures.metrics, win.period),
    tier: figures.tier,
    streak: figures.streak,
    points: figures.points,
    milestones: milestoneList,
    funnel: figures.funnel,
    quotas: appliedQuotas(member, win.today, context.quotas ?? [], context.teams, settings),
    goal: goal === null ? null : { metric: settings.primaryMetric, value: goal },
  };
}
