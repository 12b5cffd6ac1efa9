/**
 * `GET /api/v1/me/progress?period=&date=`: the caller's progress per metric, tier, streak,
 * points, milestones and funnel needs, from rollups (never raw events). Answers 304 to a matching
 * If-None-Match after reading nothing beyond the auth row, which carries the member's and the
 * org's change counters: colleagues' logs do not invalidate it.
 */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { type Milestone, ProgressQuery } from '../../shared/api/index.ts';
import { crossedMilestones, MILESTONE_THRESHOLDS } from '../../shared/domain/milestones.ts';
import { announce, progressMoments } from '../announcements/announce.ts';
import type { AppEnv } from '../context.ts';
import { milestones } from '../db/schema.ts';
import { cacheFigures, readCached, stampFor } from '../figures/figure-cache.ts';
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
import { requireMember } from '../http/auth.ts';
import { changeToken, clientHasCurrent, PACE_TTL_MS } from '../http/etag.ts';
import { validate } from '../http/validate.ts';

const LOOK_BACK_SLOT = 'look-back';

export const progressRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get('/', validate('query', ProgressQuery), async (c) => {
    const query = c.req.valid('query');
    const { member, org, settings } = c.var.caller;
    const db = c.var.db;
    const now = new Date();
    const win = windowFor(settings, member.timezone, now, query.period, query.date);
    // Only this member's events, or config writes (targets, settings, teams, members) change it.
    const etag = await changeToken(member.version, [
      'progress',
      org.configVersion,
      member.id,
      member.timezone,
      query.period,
      query.date ?? null,
      win.today,
      Math.floor(now.getTime() / PACE_TTL_MS),
    ]);
    if (clientHasCurrent(c, etag)) return c.body(null, 304);

    // The streak and funnel history need 120 days of rollups; they are cached per member under
    // (config counter, member counter, day), so most reads only cover the periods.
    const stamp = stampFor(org.configVersion, member, now);
    const cached = (await readCached(db, [member.id], LOOK_BACK_SLOT)).get(member.id);
    const lookBack: LookBack | undefined =
      cached?.stamp === stamp ? JSON.parse(cached.figures) : undefined;
    const range = lookBack ? periodsRange(win) : win;
    const [context, rows, fired] = await Promise.all([
      loadOrgContext(db, c.var.caller, range.start, range.end, now),
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
      const stamp = now.toISOString();
      const inserted = await db
        .insert(milestones)
        .values(
          crossed.map((threshold) => ({
            memberId: member.id,
            periodKind: win.tierPeriod.kind,
            periodStart: win.tierPeriod.start,
            threshold,
            reachedAt: stamp,
          })),
        )
        .onConflictDoNothing()
        .returning({ threshold: milestones.threshold });
      for (const m of inserted) {
        justReached.add(m.threshold);
        reachedAt.set(m.threshold, stamp);
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

    return c.json(
      {
        period: win.period,
        memberId: member.id,
        primaryMetric: settings.primaryMetric,
        metrics: figures.metrics,
        tier: figures.tier,
        streak: figures.streak,
        points: figures.points,
        milestones: milestoneList,
        funnel: figures.funnel,
        version: etag,
      },
      200,
    );
  });
