/** Leaderboard privacy modes, today's points and streak, and change tokens (ETag / 304). */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, addTeam, call, createOrg, event, type MemberFixture } from './helpers.ts';

let managerToken: string;
let teamId: string;
/** reps[k] logged k + 1 calls today, so reps[7] ranks 1st and reps[0] 8th. */
const reps: MemberFixture[] = [];

beforeAll(async () => {
  const org = await createOrg({ timezone: 'UTC' });
  managerToken = org.managerToken;
  teamId = await addTeam(managerToken, org.rootTeamId, 'Big');
  for (let k = 0; k < 8; k++) {
    const rep = await addMember(managerToken, teamId, { timezone: 'UTC', name: `Rep ${k}` });
    // On the team since the month's first day: joined today, a rep would carry only the month's
    // workdays left (none on its last weekend), and a target's share on the board would be 0.
    const joined = await call('PATCH', `/members/${rep.id}`, {
      token: managerToken,
      body: { joinedOn: `${new Date().toISOString().slice(0, 8)}01` },
    });
    expect(joined.status).toBe(200);
    reps.push(rep);
    await call('POST', '/events', {
      token: rep.token,
      body: { events: [event({ quantity: k + 1, occurredAt: new Date().toISOString() })] },
    });
  }
});

/** The org's (UTC) current year: open to target edits, unlike a fixed year once it is over. */
const thisYear = () => `${new Date().toISOString().slice(0, 4)}-01-01`;
const setPrivacy = (privacy: string) =>
  call('PATCH', '/org', { token: managerToken, body: { privacy } });
const board = (token: string) => call('GET', `/leaderboard?team=${teamId}&by=calls`, { token });
const names = (body: { entries: { member: { name: string } }[] }) =>
  body.entries.map((e) => e.member.name);

describe('privacy', () => {
  it('open: everyone sees everyone', async () => {
    expect((await setPrivacy('open')).status).toBe(200);
    const body = (await board(reps[0]?.token ?? '')).body;
    expect(body.privacy).toBe('open');
    expect(body.entries).toHaveLength(8);
    expect(body.entries.map((e: { rank: number }) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('top: a rep sees the top 5, their neighbours and themselves; managers see all', async () => {
    await setPrivacy('top');
    const last = (await board(reps[0]?.token ?? '')).body;
    expect(names(last)).toEqual(['Rep 7', 'Rep 6', 'Rep 5', 'Rep 4', 'Rep 3', 'Rep 1', 'Rep 0']);
    expect(last.you).toEqual({ rank: 8, percentile: 0, value: 1 });
    expect((await board(managerToken)).body.entries).toHaveLength(8);
  });

  it('private: a rep sees only their own rank and percentile', async () => {
    await setPrivacy('private');
    const mid = (await board(reps[4]?.token ?? '')).body;
    expect(names(mid)).toEqual(['Rep 4']);
    // Rank 4 of 8: 4 of the 7 others are below → 57 %.
    expect(mid.you).toEqual({ rank: 4, percentile: 57, value: 5 });
    expect((await board(managerToken)).body.entries).toHaveLength(8);
    await setPrivacy('open');
  });
});

describe('privacy for a manager of a sub-team', () => {
  it('sees every rep of their own subtree on the board of the team above, others as the mode allows', async () => {
    const org = await createOrg({ timezone: 'UTC' });
    const east = await addTeam(org.managerToken, org.rootTeamId, 'East');
    const west = await addTeam(org.managerToken, org.rootTeamId, 'West');
    // In the org's time zone: a member joins on their own local day, which late in the UTC day
    // is already tomorrow in Berlin, after the org's (UTC) period on the board.
    const eastManager = await addMember(org.managerToken, east, {
      role: 'manager',
      timezone: 'UTC',
    });
    const eastRep = await addMember(org.managerToken, east, { name: 'East Rep', timezone: 'UTC' });
    await addMember(org.managerToken, west, { name: 'West Rep', timezone: 'UTC' });
    const rootBoard = () =>
      call('GET', `/leaderboard?team=${org.rootTeamId}&by=calls`, { token: eastManager.token });
    await call('PATCH', '/org', { token: org.managerToken, body: { privacy: 'private' } });
    const shown = await rootBoard();
    expect(shown.status).toBe(200);
    expect(names(shown.body)).toEqual(['East Rep']);
    const trends = await call(
      'GET',
      `/page/trends?team=${org.rootTeamId}&metric=calls&from=2026-11-01&to=2026-11-02`,
      { token: eastManager.token },
    );
    expect(trends.status, JSON.stringify(trends.body)).toBe(200);
    // The West rep's row is not among them.
    expect(Object.keys(trends.body.series)).toEqual([eastRep.id]);
    await call('PATCH', '/org', { token: org.managerToken, body: { privacy: 'open' } });
    expect(names((await rootBoard()).body).sort()).toEqual(['East Rep', 'West Rep']);
  });
});

describe('today', () => {
  it("counts today's points and starts a streak once the goal is reached", async () => {
    const rep = reps[7] as MemberFixture; // 8 calls = 16 points, goal 20
    const before = (await call('GET', '/me/progress?period=day', { token: rep.token })).body;
    expect(before.points.today).toBe(16);
    expect(before.streak.current).toBe(0);
    await call('POST', '/events', {
      token: rep.token,
      body: {
        events: [event({ metric: 'meetings', quantity: 2, occurredAt: new Date().toISOString() })],
      },
    });
    const after = (await call('GET', '/me/progress?period=day', { token: rep.token })).body;
    expect(after.points.today).toBe(22);
    expect(after.streak).toMatchObject({ current: 1, atRisk: false });
  });

  it('gives manual logs less when the team says so', async () => {
    await call('PATCH', '/org', { token: managerToken, body: { manualLogPointsPercent: 50 } });
    const rep = reps[1] as MemberFixture; // 2 calls logged by hand = 4 points at full weight
    await call('POST', '/events', {
      token: rep.token,
      body: {
        events: [
          event({
            quantity: 1,
            occurredAt: new Date().toISOString(),
            source: { app: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/x' },
          }),
        ],
      },
    });
    const body = (await call('GET', '/me/progress?period=day', { token: rep.token })).body;
    // 2 manual calls at 50 % = 2 points, 1 call with evidence = 2 points.
    expect(body.points.today).toBe(4);
    await call('PATCH', '/org', { token: managerToken, body: { manualLogPointsPercent: 100 } });
  });
});

describe('cached board figures', () => {
  it('recomputes exactly the entries that changed', async () => {
    const path = `/leaderboard?team=${teamId}&by=calls`;
    const before = (await call('GET', path, { token: managerToken })).body.entries;
    const entryValue = (entries: { member: { id: string }; value: number }[], id: string) =>
      entries.find((e) => e.member.id === id)?.value;
    const rep = reps[0] as MemberFixture;
    const start = entryValue(before, rep.id) ?? 0;
    await call('POST', '/events', {
      token: rep.token,
      body: { events: [event({ quantity: 10, occurredAt: new Date().toISOString() })] },
    });
    const after = (await call('GET', path, { token: managerToken })).body.entries;
    expect(entryValue(after, rep.id)).toBe(start + 10);
    for (const other of reps.slice(1)) {
      expect(entryValue(after, other.id)).toBe(entryValue(before, other.id));
    }
    // A config change (a target of the ranked metric) reaches every cached entry's target column.
    await call('PUT', '/targets', {
      token: managerToken,
      body: {
        scope: 'team',
        teamId,
        metric: 'calls',
        period: { kind: 'year', start: thisYear() },
        value: 80_000,
      },
    });
    const targeted = (await call('GET', path, { token: managerToken })).body.entries;
    expect(targeted.every((e: { target: number }) => e.target > 0)).toBe(true);
    await call('DELETE', `/targets/${await yearTargetId()}`, { token: managerToken });
    const cleared = (await call('GET', path, { token: managerToken })).body.entries;
    expect(cleared.every((e: { target: number }) => e.target === 0)).toBe(true);
  });
});

async function yearTargetId(): Promise<string> {
  const res = await call('GET', `/targets?team=${teamId}&metric=calls`, { token: managerToken });
  return res.body.targets[0].id;
}

describe('change tokens', () => {
  it('answers 304 until something in the org changes', async () => {
    const rep = reps[2] as MemberFixture;
    for (const path of ['/me/progress?period=month', `/leaderboard?team=${teamId}`]) {
      const first = await call('GET', path, { token: rep.token });
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"v\d+-[0-9a-f]{16}"$/);
      const same = await call('GET', path, {
        token: rep.token,
        headers: { 'if-none-match': etag ?? '' },
      });
      expect(same.status).toBe(304);
      await call('POST', '/events', { token: rep.token, body: { events: [event()] } });
      const changed = await call('GET', path, {
        token: rep.token,
        headers: { 'if-none-match': etag ?? '' },
      });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
    }
    const progress = await call('GET', '/me/progress', { token: rep.token });
    expect(progress.body.version).toBe(progress.headers.get('etag'));
  });

  it("a colleague's log keeps a sidebar's progress cached, but moves the board", async () => {
    const rep = reps[5] as MemberFixture;
    const colleague = reps[6] as MemberFixture;
    const progress = await call('GET', '/me/progress', { token: rep.token });
    const boardPath = `/leaderboard?team=${teamId}`;
    const boardFirst = await call('GET', boardPath, { token: rep.token });
    await call('POST', '/events', { token: colleague.token, body: { events: [event()] } });
    const cached = await call('GET', '/me/progress', {
      token: rep.token,
      headers: { 'if-none-match': progress.headers.get('etag') ?? '' },
    });
    expect(cached.status).toBe(304);
    const board = await call('GET', boardPath, {
      token: rep.token,
      headers: { 'if-none-match': boardFirst.headers.get('etag') ?? '' },
    });
    expect(board.status).toBe(200);
  });

  it('a target change also invalidates', async () => {
    const rep = reps[3] as MemberFixture;
    const first = await call('GET', '/me/progress', { token: rep.token });
    const etag = first.headers.get('etag') ?? '';
    await call('PUT', '/targets', {
      token: managerToken,
      body: {
        scope: 'member',
        memberId: rep.id,
        metric: 'calls',
        period: { kind: 'year', start: thisYear() },
        value: 2_000,
      },
    });
    const res = await call('GET', '/me/progress', {
      token: rep.token,
      headers: { 'if-none-match': etag },
    });
    expect(res.status).toBe(200);
  });
});
