/**
 * The chat feature's cron tick (wrangler.toml `[triggers] crons`, every minute): stages the
 * scheduled posts that are due and the announcements made since the last tick, re-queues
 * messages lost on their way to the queue and prunes old finished outbox rows. Cost per tick with
 * nothing to do: four index reads that find nothing (due schedules, new announcements after the
 * cursor, lost outbox rows, outbox rows old enough to prune).
 */
import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { OrgSettings } from '../../shared/api/index.ts';
import { isWorkday } from '../../shared/domain/calendar.ts';
import type { Language } from '../../shared/domain/language.ts';
import { isLastWorkdayOfWeek } from '../../shared/domain/rhythm.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { OrgRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { announcements, chatChannels, chatCursors, chatSchedules, orgs } from '../db/schema.ts';
import type { Env } from '../env.ts';
import { loadTeams } from '../teams/queries.ts';
import { announcementMessage } from './compose.ts';
import { alertsDigest, reviewDigest, standingsDigest } from './digest.ts';
import { pruneOutbox, requeueLost, type Staged, stage } from './outbox.ts';
import { channelOptions, nextJobRun, type ScheduledJob } from './queries.ts';
import { runDay } from './schedule.ts';

/** Due jobs handled per tick; the rest wait for the next minute. */
const DUE_PER_TICK = 200;
/** Announcements forwarded per tick. */
const ANNOUNCEMENTS_PER_TICK = 200;

export interface TickResult {
  staged: string[];
  requeued: number;
  /** Old delivered, dead and dropped outbox rows deleted (outbox.ts: `pruneOutbox`). */
  pruned: number;
}

export async function chatTick(db: Db, env: Env, now: Date): Promise<TickResult> {
  const due = await dueJobs(db, now);
  const news = await newAnnouncements(db);
  // Staged first, moved on after: a tick that fails in between stages the same keys again next
  // minute, which adds nothing.
  const staged = await stage(db, env, [...due.messages, ...news.messages], now);
  for (const move of due.moves) {
    const where = and(eq(chatSchedules.channelId, move.channelId), eq(chatSchedules.job, move.job));
    if (move.nextAt === null) await db.delete(chatSchedules).where(where).run();
    else await db.update(chatSchedules).set({ nextAt: move.nextAt }).where(where).run();
  }
  if (news.cursor !== null) {
    await db
      .insert(chatCursors)
      .values({ name: CURSOR, value: news.cursor })
      .onConflictDoUpdate({ target: chatCursors.name, set: { value: sql`excluded.value` } })
      .run();
  }
  const requeued = await requeueLost(db, env, now);
  const pruned = await pruneOutbox(db, now);
  return { staged, requeued, pruned };
}

const settingsOf = (org: OrgRow) => OrgSettings.parse(JSON.parse(org.settings));

/** Scheduled posts whose instant has come; each job moves on to its next run. */
type Move = { channelId: string; job: ScheduledJob; nextAt: number | null };

async function dueJobs(db: Db, now: Date): Promise<{ messages: Staged[]; moves: Move[] }> {
  const t = now.getTime();
  const due = await db
    .select()
    .from(chatSchedules)
    .where(lte(chatSchedules.nextAt, t))
    .orderBy(asc(chatSchedules.nextAt))
    .limit(DUE_PER_TICK)
    .all();
  if (due.length === 0) return { messages: [], moves: [] };
  const channels = await db
    .select()
    .from(chatChannels)
    .where(inArray(chatChannels.id, [...new Set(due.map((d) => d.channelId))]))
    .all();
  const orgRows = channels.length
    ? await db
        .select()
        .from(orgs)
        .where(inArray(orgs.id, [...new Set(channels.map((c) => c.orgId))]))
        .all()
    : [];
  const orgById = new Map(orgRows.map((o) => [o.id, { org: o, settings: settingsOf(o) }]));
  const channelById = new Map(channels.map((c) => [c.id, c]));

  const out: Staged[] = [];
  const moves: Move[] = [];
  for (const job of due) {
    const channel = channelById.get(job.channelId);
    const owner = channel && orgById.get(channel.orgId);
    if (!channel || !owner) {
      moves.push({ channelId: job.channelId, job: job.job, nextAt: null });
      continue;
    }
    const options = channelOptions(channel);
    const spec = options[job.job];
    const day = runDay(job.nextAt, channel.timezone);
    // Only on the day it was due: a tick that comes a day late (an outage) does not post stale news.
    const onTime = runDay(t, channel.timezone) === day;
    // The calendar is read again: a holiday added after the run was planned is still a day off
    // (and a week's end moved by it is no longer this day).
    const cal = owner.settings.calendar;
    const workday = job.job === 'review' ? isLastWorkdayOfWeek(day, cal) : isWorkday(day, cal);
    if (spec.enabled && onTime && workday && !channel.pausedAt) {
      const message =
        job.job === 'standings'
          ? await standingsDigest(
              db,
              owner.org,
              owner.settings,
              channel,
              options.standings.period,
              now,
            )
          : job.job === 'alerts'
            ? await alertsDigest(db, owner.org, owner.settings, channel, options.alerts, now)
            : await reviewDigest(db, owner.org, owner.settings, channel, day, now);
      if (message) {
        out.push({
          key: `${job.job}:${channel.id}:${day}`,
          channelId: channel.id,
          kind: job.job,
          message,
        });
      }
    }
    const next = nextJobRun(
      job.job,
      spec,
      channel.timezone,
      owner.settings,
      Math.max(t, job.nextAt),
    );
    moves.push({ channelId: job.channelId, job: job.job, nextAt: next });
  }
  return { messages: out, moves };
}

const CURSOR = 'announcements';

/**
 * Announcements written since the last tick, for every channel that posts them and whose team's
 * subtree the moment happened in (as boards show them). The first tick ever starts at the newest
 * announcement: history is not replayed into chats.
 */
async function newAnnouncements(db: Db): Promise<{ messages: Staged[]; cursor: number | null }> {
  const cursor = await db.select().from(chatCursors).where(eq(chatCursors.name, CURSOR)).get();
  if (!cursor) {
    const last = await db
      .select({ id: announcements.id })
      .from(announcements)
      .orderBy(desc(announcements.id))
      .limit(1)
      .get();
    return { messages: [], cursor: last?.id ?? 0 };
  }
  const fresh = await db
    .select()
    .from(announcements)
    .where(gt(announcements.id, cursor.value))
    .orderBy(asc(announcements.id))
    .limit(ANNOUNCEMENTS_PER_TICK)
    .all();
  if (fresh.length === 0) return { messages: [], cursor: null };
  const orgIds = [...new Set(fresh.map((a) => a.orgId))];
  const channels = (
    await db.select().from(chatChannels).where(inArray(chatChannels.orgId, orgIds)).all()
  ).filter((c) => !c.pausedAt && channelOptions(c).announcements);
  const orgRows = channels.length
    ? await db
        .select()
        .from(orgs)
        .where(inArray(orgs.id, [...new Set(channels.map((c) => c.orgId))]))
        .all()
    : [];
  const settingsBy = new Map(orgRows.map((o) => [o.id, settingsOf(o)]));
  const belowBy = new Map<string, Set<string>>();
  for (const orgId of new Set(channels.map((c) => c.orgId))) {
    const teams = await loadTeams(db, orgId);
    for (const c of channels.filter((x) => x.orgId === orgId)) {
      belowBy.set(c.id, subtreeIds(teams, c.teamId));
    }
  }
  const out: Staged[] = [];
  for (const a of fresh) {
    for (const c of channels) {
      const settings = settingsBy.get(c.orgId);
      if (c.orgId !== a.orgId || !settings || !belowBy.get(c.id)?.has(a.teamId)) continue;
      const message = announcementMessage(
        { kind: a.kind, memberName: a.memberName, payload: JSON.parse(a.payload) },
        settings,
        c.language as Language,
      );
      out.push({ key: `ann:${c.id}:${a.id}`, channelId: c.id, kind: 'announcement', message });
    }
  }
  return { messages: out, cursor: fresh[fresh.length - 1]?.id ?? null };
}
