/**
 * Benchmark organisations. The org, its manager and its teams are made through the real API; the
 * many members (hundreds) and their tokens are written straight into the server's local D1,
 * because joining is rate limited per client IP by design (60 a minute). Tokens are made and
 * hashed exactly like the worker does (worker/sessions/crypto.ts), so they authenticate normally.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { WorkerServer } from '../../support/worker-server.ts';
import { ok } from './api.ts';
import { d1Script } from './d1-local.ts';

export interface Rep {
  id: string;
  token: string;
  teamId: string;
}

export interface World {
  orgId: string;
  rootTeamId: string;
  managerToken: string;
  teams: { id: string; reps: Rep[] }[];
  reps: Rep[];
}

const newToken = () => `pcr_${randomBytes(32).toString('base64url')}`;
const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** An org with `teams` sub-teams of `repsPerTeam` reps each (all in `timezone`). */
export async function buildWorld(
  server: WorkerServer,
  shape: { teams: number; repsPerTeam: number; timezone?: string; name?: string },
): Promise<World> {
  const timezone = shape.timezone ?? 'UTC';
  const created = await ok<{ org: { id: string }; team: { id: string }; token: string }>(
    `${server.url}/api/v1/orgs`,
    {
      body: {
        name: shape.name ?? 'Bench Org',
        timezone,
        currency: 'USD',
        manager: { name: 'Bench Manager', email: 'manager@bench.example' },
      },
    },
  );
  const orgId = created.org.id;
  const teams: World['teams'] = [];
  for (let t = 0; t < shape.teams; t++) {
    const team = await ok<{ team: { id: string } }>(`${server.url}/api/v1/teams`, {
      token: created.token,
      body: { name: `Team ${t + 1}`, parentId: created.team.id },
    });
    teams.push({ id: team.team.id, reps: [] });
  }
  const now = new Date().toISOString();
  const memberRows: string[] = [];
  const tokenRows: string[] = [];
  const stretchRows: string[] = [];
  for (const [t, team] of teams.entries()) {
    for (let r = 0; r < shape.repsPerTeam; r++) {
      const rep = { id: randomUUID(), token: newToken(), teamId: team.id };
      team.reps.push(rep);
      memberRows.push(
        `(${[
          rep.id,
          orgId,
          team.id,
          `Rep ${t + 1}-${r + 1}`,
          `rep${t}.${r}@bench.example`,
          'rep',
          timezone,
        ]
          .map(quote)
          .join(', ')}, 1, ${quote(now)})`,
      );
      tokenRows.push(`(${[sha256Hex(rep.token), rep.id, orgId, now].map(quote).join(', ')})`);
      // On the team since long before any period measured (membership history, as a join
      // backdated with joinedOn would record it).
      stretchRows.push(
        `(${[randomUUID(), orgId, rep.id, team.id, 'rep', '2000-01-01'].map(quote).join(', ')}, NULL)`,
      );
    }
  }
  const sql: string[] = [];
  for (let i = 0; i < memberRows.length; i += 200) {
    sql.push(
      `INSERT INTO members (id, org_id, team_id, name, email, role, timezone, active, created_at) VALUES ${memberRows.slice(i, i + 200).join(',\n')};`,
      `INSERT INTO tokens (hash, member_id, org_id, created_at) VALUES ${tokenRows.slice(i, i + 200).join(',\n')};`,
      `INSERT INTO member_periods (id, org_id, member_id, team_id, role, from_date, until_date) VALUES ${stretchRows.slice(i, i + 200).join(',\n')};`,
    );
  }
  // Members changed behind the API's back: bump the change counter like a join would.
  sql.push(`UPDATE orgs SET version = version + 1 WHERE id = ${quote(orgId)};`);
  await d1Script(server, sql.join('\n'), `members-${orgId}`);
  return {
    orgId,
    rootTeamId: created.team.id,
    managerToken: created.token,
    teams,
    reps: teams.flatMap((t) => t.reps),
  };
}
