/**
 * Seeds the demo organisation through the real API (so the demo exercises exactly what clients
 * do). Idempotent: credentials are kept in `stateFile`; when they still work nothing is re-created,
 * and events carry deterministic ids, so a re-sent batch is answered `duplicate`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ActivityEvent } from '../../shared/api/index.ts';
import { DEMO_ORG, demoEvents, demoTeams } from './generate.ts';

export interface DemoCredentials {
  orgId: string;
  managerToken: string;
  repToken: string;
  repName: string;
  inviteCode: string;
  members: number;
  events: number;
}

class ApiError extends Error {}

async function api<T>(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new ApiError(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

function localNow(timeZone: string): { date: string; minutes: number; year: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    year: String(parts.year),
  };
}

async function stillValid(base: string, creds: DemoCredentials): Promise<boolean> {
  try {
    await api(base, 'GET', '/me', creds.managerToken);
    return true;
  } catch {
    return false;
  }
}

export async function seedDemo(base: string, stateFile: string): Promise<DemoCredentials> {
  if (existsSync(stateFile)) {
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as DemoCredentials;
    if (await stillValid(base, saved)) return saved;
  }
  const now = localNow(DEMO_ORG.timezone);
  const created = await api<{
    org: { id: string };
    team: { id: string };
    member: { id: string };
    token: string;
    inviteCode: string;
  }>(base, 'POST', '/orgs', undefined, DEMO_ORG);
  const managerToken = created.token;

  // Yearly revenue target for the whole organisation, shared equally down to the reps' teams.
  let memberCount = 1;
  let eventCount = 0;
  let firstRep: { token: string; name: string } | undefined;
  const teams = demoTeams();
  for (const [t, team] of teams.entries()) {
    const sub = await api<{ team: { id: string } }>(base, 'POST', '/teams', managerToken, {
      name: team.name,
      parentId: created.team.id,
    });
    const teamId = sub.team.id;
    const repIds: string[] = [];
    for (const [m, member] of team.members.entries()) {
      const invite = await api<{ code: string }>(base, 'POST', '/invites', managerToken, {
        teamId,
        role: member.role,
      });
      const joined = await api<{ member: { id: string }; token: string }>(
        base,
        'POST',
        '/join',
        undefined,
        {
          code: invite.code,
          name: member.name,
          email: member.email,
          timezone: DEMO_ORG.timezone,
        },
      );
      memberCount++;
      // The demo team has been together since the start of the year: its history counts.
      await api(base, 'PATCH', `/members/${joined.member.id}`, managerToken, {
        joinedOn: `${now.year}-01-01`,
      });
      if (member.role === 'rep') repIds.push(joined.member.id);
      if (!firstRep && member.role === 'rep') firstRep = { token: joined.token, name: member.name };
      const events = demoEvents(member, t * 10 + m, now.date, now.minutes);
      eventCount += await sendEvents(base, joined.token, events);
      // Activity targets per member for the year (calls and visits); the revenue target is the team's.
      for (const [metric, value] of [
        ['calls', 1800],
        ['visits', 220],
      ] as const) {
        await api(base, 'PUT', '/targets', managerToken, {
          scope: 'member',
          memberId: joined.member.id,
          metric,
          period: { kind: 'year', start: `${now.year}-01-01` },
          value,
        });
      }
    }
    // ¥28M per team per year (minor units), split equally over the team's reps.
    await api(base, 'PUT', '/targets', managerToken, {
      scope: 'team',
      teamId,
      metric: 'revenue',
      period: { kind: 'year', start: `${now.year}-01-01` },
      value: 28_000_000 * 100,
      split: { mode: 'equal' },
    });
  }
  if (!firstRep) throw new Error('demo has no rep');
  const creds: DemoCredentials = {
    orgId: created.org.id,
    managerToken,
    repToken: firstRep.token,
    repName: firstRep.name,
    inviteCode: created.inviteCode,
    members: memberCount,
    events: eventCount,
  };
  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
  return creds;
}

async function sendEvents(base: string, token: string, events: ActivityEvent[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < events.length; i += 500) {
    const batch = events.slice(i, i + 500);
    const res = await api<{ results: Array<{ status: string; error?: { message: string } }> }>(
      base,
      'POST',
      '/events',
      token,
      { events: batch },
    );
    const rejected = res.results.filter((r) => r.status === 'rejected');
    if (rejected.length > 0) {
      throw new Error(`demo events rejected: ${JSON.stringify(rejected.slice(0, 3))}`);
    }
    created += res.results.filter((r) => r.status === 'created').length;
  }
  return created;
}
