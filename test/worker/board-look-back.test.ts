/**
 * A member's look-back (streak and funnel history, 120 days of rollups) is kept in
 * `board_figures` under the settings' digest, their change counter and their day
 * (worker/figures/figure-cache.ts: lookBackStamper), shared by boards and progress. A board whose
 * cached figures went stale because a target was saved reuses it and reads only the periods'
 * rollups, with exactly the figures of a board that walked the 120 days; a settings change or a
 * member's new log makes it walk them again.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../shared/domain/dates.ts';
import {
  addMember,
  call,
  createOrg,
  event,
  type MemberFixture,
  type OrgFixture,
} from './helpers.ts';

describe('look-backs kept across boards and progress', () => {
  let org: OrgFixture;
  let ada: MemberFixture;
  let bo: MemberFixture;
  const today = localDateOf(new Date(), 'UTC');

  const board = async () => {
    const res = await call('GET', `/leaderboard?team=${org.rootTeamId}&by=points`, {
      token: org.managerToken,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.entries as { member: { id: string }; streak: number; points: number }[];
  };
  const streakOf = async (rep: MemberFixture) =>
    (await board()).find((e) => e.member.id === rep.id)?.streak;
  /** What saving a target does to every cached board figure (the org's config counter moves). */
  const targetSaved = () =>
    env.DB.prepare('UPDATE orgs SET config_version = config_version + 1 WHERE id = ?')
      .bind(org.orgId)
      .run();
  const lookBackRows = () =>
    env.DB.prepare(
      `SELECT f.member_id AS memberId, f.stamp FROM board_figures f
       JOIN members m ON m.id = f.member_id WHERE m.org_id = ? AND f.slot = 'look-back'`,
    )
      .bind(org.orgId)
      .all<{ memberId: string; stamp: string }>();
  /** Sets a member's kept streak to `n`, keeping its stamp. */
  const markStreak = (rep: MemberFixture, n: number) =>
    env.DB.prepare(
      `UPDATE board_figures SET figures = json_set(figures, '$.streak.current', ?)
       WHERE member_id = ? AND slot = 'look-back'`,
    )
      .bind(n, rep.id)
      .run();

  beforeAll(async () => {
    org = await createOrg({ timezone: 'UTC' });
    ada = await addMember(org.managerToken, org.rootTeamId, {
      timezone: 'UTC',
      since: '2020-01-01',
    });
    bo = await addMember(org.managerToken, org.rootTeamId, {
      timezone: 'UTC',
      since: '2020-01-01',
    });
    // Ada: enough points every day of the last three weeks and today; Bo: a little, days ago.
    const days = Array.from({ length: 22 }, (_, k) => addDays(today, -k));
    const res = await call('POST', '/events', {
      token: ada.token,
      body: {
        events: days.map((d) =>
          event({ metric: 'meetings', quantity: 10, occurredAt: `${d}T08:00:00.000Z` }),
        ),
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await call('POST', '/events', {
      token: bo.token,
      body: { events: [event({ quantity: 2, occurredAt: `${addDays(today, -3)}T08:00:00.000Z` })] },
    });
  });

  it('a board after a target save shows exactly what a board walking 120 days shows', async () => {
    await env.DB.prepare(
      `DELETE FROM board_figures WHERE slot = 'look-back'
         AND member_id IN (SELECT id FROM members WHERE org_id = ?)`,
    )
      .bind(org.orgId)
      .run();
    await targetSaved();
    const walked = await board();
    expect(walked.find((e) => e.member.id === ada.id)?.streak).toBeGreaterThan(0);
    // The walk left each member's look-back behind…
    const kept = (await lookBackRows()).results;
    expect(kept.map((r) => r.memberId).sort()).toEqual(
      expect.arrayContaining([ada.id, bo.id].sort()),
    );
    // …which the next cold board reads instead of walking again: the same figures.
    await targetSaved();
    expect(await board()).toEqual(walked);
  });

  it('the kept look-back is read by boards and progress alike, until the settings change', async () => {
    await board();
    await markStreak(ada, 42);
    await targetSaved();
    expect(await streakOf(ada)).toBe(42);
    const progress = await call('GET', '/me/progress?period=month', { token: ada.token });
    expect(progress.status).toBe(200);
    expect(progress.body.streak.current).toBe(42);
    // A settings change (a new daily goal) changes the digest: walked again.
    const patched = await call('PATCH', '/org', {
      token: org.managerToken,
      body: { dailyPointsGoal: 25 },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const walkedAgain = await streakOf(ada);
    expect(walkedAgain).not.toBe(42);
    expect(walkedAgain).toBeGreaterThan(0);
  });

  it('a member’s new log makes their look-back walked again', async () => {
    await board();
    await markStreak(bo, 42);
    await targetSaved();
    expect(await streakOf(bo)).toBe(42);
    const logged = await call('POST', '/events', {
      token: bo.token,
      body: { events: [event({ occurredAt: `${addDays(today, -2)}T08:00:00.000Z` })] },
    });
    expect(logged.status).toBe(200);
    expect(await streakOf(bo)).not.toBe(42);
  });
});
