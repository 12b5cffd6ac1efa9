/**
 * Two organisations for authorization tests. Org A: root team (its creator manages everything),
 * sub-teams East and West, each with a manager and a rep. Org B: a manager and a rep.
 */
import { addMember, addTeam, call, createOrg, type MemberFixture } from './helpers.ts';

export interface World {
  orgA: Awaited<ReturnType<typeof createOrg>>;
  eastId: string;
  westId: string;
  eastManager: MemberFixture;
  westManager: MemberFixture;
  eastRep: MemberFixture;
  westRep: MemberFixture;
  orgB: Awaited<ReturnType<typeof createOrg>>;
  repB: MemberFixture;
  revokedToken: string;
}

export async function buildWorld(): Promise<World> {
  const orgA = await createOrg({ name: 'Alpha' });
  const eastId = await addTeam(orgA.managerToken, orgA.rootTeamId, 'East');
  const westId = await addTeam(orgA.managerToken, orgA.rootTeamId, 'West');
  const eastManager = await addMember(orgA.managerToken, eastId, { role: 'manager' });
  const westManager = await addMember(orgA.managerToken, westId, { role: 'manager' });
  const eastRep = await addMember(orgA.managerToken, eastId, { name: 'East Rep' });
  const westRep = await addMember(orgA.managerToken, westId, { name: 'West Rep' });
  const orgB = await createOrg({ name: 'Beta' });
  const repB = await addMember(orgB.managerToken, orgB.rootTeamId);
  const revoked = await addMember(orgA.managerToken, eastId);
  const res = await call('DELETE', '/me/token', { token: revoked.token });
  if (res.status !== 200) throw new Error('could not revoke');
  return {
    orgA,
    eastId,
    westId,
    eastManager,
    westManager,
    eastRep,
    westRep,
    orgB,
    repB,
    revokedToken: revoked.token,
  };
}
