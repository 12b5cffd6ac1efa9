/**
 * A board read while the worker already knows the org's teams at its config counter
 * (worker/teams/known.ts) reads its people and cached figures at once; it must show exactly what a
 * board reading the tree first shows: after a team is added, a rep joins it, or a team moves under
 * another, the next board follows; a board the caller may not read is still refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  addTeam,
  call,
  createOrg,
  type MemberFixture,
  type OrgFixture,
} from './helpers.ts';

describe('boards while the team tree is known', () => {
  let org: OrgFixture;
  let north: string;
  let ada: MemberFixture;

  const board = async (team: string, token = org.managerToken) =>
    call('GET', `/leaderboard?team=${team}&by=calls`, { token });
  const ids = async (team: string) => {
    const res = await board(team);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.entries as { member: { id: string } }[]).map((e) => e.member.id).sort();
  };

  beforeAll(async () => {
    org = await createOrg({ timezone: 'UTC' });
    north = await addTeam(org.managerToken, org.rootTeamId, 'North');
    ada = await addMember(org.managerToken, north, { timezone: 'UTC', name: 'Ada' });
  });

  it('follows a new team, its new rep, and a team moved under another', async () => {
    // Twice: the second read finds the tree known.
    expect(await ids(org.rootTeamId)).toEqual([ada.id]);
    expect(await ids(org.rootTeamId)).toEqual([ada.id]);
    expect(await ids(north)).toEqual([ada.id]);
    const south = await addTeam(org.managerToken, org.rootTeamId, 'South');
    const bo = await addMember(org.managerToken, south, { timezone: 'UTC', name: 'Bo' });
    expect(await ids(org.rootTeamId)).toEqual([ada.id, bo.id].sort());
    expect(await ids(north)).toEqual([ada.id]);
    expect(await ids(north)).toEqual([ada.id]);
    const moved = await call('PATCH', `/teams/${south}`, {
      token: org.managerToken,
      body: { parentId: north },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await ids(north)).toEqual([ada.id, bo.id].sort());
    expect(await ids(south)).toEqual([bo.id]);
  });

  it('still refuses a board the caller may not read, and a team of no org', async () => {
    const west = await addTeam(org.managerToken, org.rootTeamId, 'West');
    // Ada reads her own board (the tree is known now), then a sibling team's: refused.
    expect((await board(north, ada.token)).status).toBe(200);
    expect((await board(west, ada.token)).status).toBe(403);
    expect((await board(crypto.randomUUID(), ada.token)).status).toBe(404);
  });
});
