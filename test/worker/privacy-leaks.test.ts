/**
 * What `private` and `top` teams do not give away through side doors: a ranking of sub-teams
 * that pools fewer than two reps besides the viewer (it would be one colleague's figures), the
 * other reps' shares of a team target, and the standings of a sibling team's contest on a board
 * above both teams.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths, makeDate } from '../../shared/domain/dates.ts';
import { addMember, addTeam, call, createOrg, event, type MemberFixture } from './helpers.ts';

let org: Awaited<ReturnType<typeof createOrg>>;
let soloTeam: string;
let bigTeam: string;
let solo: MemberFixture;
let big: MemberFixture[];

const setPrivacy = (privacy: string) =>
  call('PATCH', '/org', { token: org.managerToken, body: { privacy } });

beforeAll(async () => {
  org = await createOrg();
  soloTeam = await addTeam(org.managerToken, org.rootTeamId, 'Solo');
  bigTeam = await addTeam(org.managerToken, org.rootTeamId, 'Big');
  solo = await addMember(org.managerToken, soloTeam, { name: 'Only Rep' });
  big = [];
  for (const name of ['Ann', 'Ben', 'Cai']) {
    big.push(await addMember(org.managerToken, bigTeam, { name }));
  }
  await call('POST', '/events', {
    token: solo.token,
    body: { events: [event({ metric: 'calls', quantity: 7 })] },
  });
});

const teamRows = async (token: string) => {
  const res = await call(
    'GET',
    `/leaderboard?team=${org.rootTeamId}&group=teams&by=calls&period=month`,
    { token },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.entries.map((e: { member: { name: string }; value: number }) => [
    e.member.name,
    e.value,
  ]);
};

describe('group=teams in private and top mode', () => {
  it('leaves out a sub-team whose figures are one colleague’s', async () => {
    for (const mode of ['private', 'top']) {
      expect((await setPrivacy(mode)).status).toBe(200);
      const seen = await teamRows(big[0]?.token ?? '');
      expect(seen.map((r: [string, number]) => r[0])).toEqual(['Big']);
      // The one rep sees their own team (it is only themselves), the manager sees all.
      expect((await teamRows(solo.token)).map((r: [string, number]) => r[0]).sort()).toEqual([
        'Big',
        'Solo',
      ]);
      expect(await teamRows(org.managerToken)).toContainEqual(['Solo', 7]);
    }
    expect((await setPrivacy('open')).status).toBe(200);
    expect(await teamRows(big[0]?.token ?? '')).toContainEqual(['Solo', 7]);
  });
});

describe('team target allocations', () => {
  it('show a rep only their own share in private and top mode', async () => {
    // Next month: the reps joined today, so they carry every day of it and the weights alone
    // decide the shares, whatever the date.
    const now = new Date();
    const month = addMonths(makeDate(now.getUTCFullYear(), now.getUTCMonth() + 1, 1), 1);
    const put = await call('PUT', '/targets', {
      token: org.managerToken,
      body: {
        scope: 'team',
        teamId: bigTeam,
        metric: 'calls',
        period: { kind: 'month', start: month },
        value: 300,
        split: {
          mode: 'weights',
          weights: Object.fromEntries(big.map((m, i) => [m.id, i + 1])),
        },
      },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const rep = big[0] as MemberFixture;
    const read = async (token: string) => {
      const res = await call('GET', `/targets?metric=calls&date=${month}`, { token });
      expect(res.status).toBe(200);
      return res.body.targets.find((t: { teamId: string | null }) => t.teamId === bigTeam);
    };
    for (const mode of ['private', 'top']) {
      await setPrivacy(mode);
      const target = await read(rep.token);
      expect(target.allocation.shares).toEqual([{ memberId: rep.id, value: 50 }]);
      expect(JSON.stringify(target)).not.toContain(big[1]?.id);
      expect(JSON.stringify(target)).not.toContain(big[2]?.id);
      expect((await read(org.managerToken)).allocation.shares).toHaveLength(3);
    }
    await setPrivacy('open');
    expect((await read(rep.token)).allocation.shares).toHaveLength(3);
  });
});

describe('contests on a board above two sibling teams', () => {
  it('show no standings of a sibling team’s contest (the contest itself is 403)', async () => {
    await setPrivacy('private');
    const today = new Date().toISOString().slice(0, 10);
    const made = await call('POST', '/contests', {
      token: org.managerToken,
      body: { name: 'Big calls', teamId: bigTeam, metric: 'calls', start: today, end: today },
    });
    expect(made.status).toBe(201);
    const id = made.body.contest.id;
    expect((await call('GET', `/contests/${id}`, { token: solo.token })).status).toBe(403);
    const board = await call('GET', `/contests/board?team=${org.rootTeamId}`, {
      token: solo.token,
    });
    expect(board.status).toBe(200);
    expect(board.body.contests.map((c: { contest: { id: string } }) => c.contest.id)).not.toContain(
      id,
    );
    // Its own competitors still see it there.
    const theirs = await call('GET', `/contests/board?team=${org.rootTeamId}`, {
      token: big[0]?.token,
    });
    expect(theirs.body.contests.map((c: { contest: { id: string } }) => c.contest.id)).toContain(
      id,
    );
    await setPrivacy('open');
  });
});
