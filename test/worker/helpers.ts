/** Calls the real worker (SELF = the app in workerd with local D1) the way clients do. */
import { SELF } from 'cloudflare:test';

export const BASE = 'https://pacer.test';

// biome-ignore lint/suspicious/noExplicitAny: tests read replies loosely and assert on them
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed-body tests). */
  rawBody?: string;
  headers?: Record<string, string>;
}

let ipSeq = 0;
/** A fresh client IP per public call keeps the per-IP limiter out of unrelated tests. */
export const freshIp = () => `10.0.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

// biome-ignore lint/suspicious/noExplicitAny: see Reply
export async function call<T = any>(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { 'cf-connecting-ip': freshIp(), ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await SELF.fetch(`${BASE}/api/v1${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = null;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

let orgSeq = 0;

export interface OrgFixture {
  orgId: string;
  rootTeamId: string;
  managerId: string;
  managerToken: string;
  inviteCode: string;
}

export async function createOrg(
  overrides: { timezone?: string; name?: string; currency?: string } = {},
): Promise<OrgFixture> {
  const n = ++orgSeq;
  const res = await call('POST', '/orgs', {
    body: {
      name: overrides.name ?? `Org ${n}`,
      timezone: overrides.timezone ?? 'Europe/Berlin',
      currency: overrides.currency ?? 'EUR',
      manager: { name: `Boss ${n}`, email: `boss${n}@org${n}.example` },
    },
  });
  if (res.status !== 201) throw new Error(`createOrg: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    orgId: res.body.org.id,
    rootTeamId: res.body.team.id,
    managerId: res.body.member.id,
    managerToken: res.body.token,
    inviteCode: res.body.inviteCode,
  };
}

let memberSeq = 0;

export interface MemberFixture {
  id: string;
  token: string;
  teamId: string;
}

/** Invites (as `managerToken`) and joins a member to `teamId`. */
export async function addMember(
  managerToken: string,
  teamId: string,
  options: {
    role?: 'rep' | 'manager';
    timezone?: string;
    name?: string;
    /** On the team since this day (a backdated join), for tests of past periods. */
    since?: string;
  } = {},
): Promise<MemberFixture> {
  const invite = await call('POST', '/invites', {
    token: managerToken,
    body: { teamId, role: options.role ?? 'rep' },
  });
  if (invite.status !== 201)
    throw new Error(`invite: ${invite.status} ${JSON.stringify(invite.body)}`);
  const n = ++memberSeq;
  const joined = await call('POST', '/join', {
    body: {
      code: invite.body.code,
      name: options.name ?? `Member ${n}`,
      email: `member${n}@example.com`,
      timezone: options.timezone ?? 'Europe/Berlin',
    },
  });
  if (joined.status !== 201)
    throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
  if (options.since !== undefined) {
    const backdated = await call('PATCH', `/members/${joined.body.member.id}`, {
      token: managerToken,
      body: { joinedOn: options.since },
    });
    if (backdated.status !== 200)
      throw new Error(`joinedOn: ${backdated.status} ${JSON.stringify(backdated.body)}`);
  }
  return { id: joined.body.member.id, token: joined.body.token, teamId };
}

/**
 * Opens every period of a team's subtree for target edits (closed periods are locked), for tests
 * that set targets of past periods.
 */
export async function reopenAll(managerToken: string, teamId: string) {
  const res = await call('POST', '/targets/reopenings', {
    token: managerToken,
    body: { teamId, start: '2000-01-01', end: '2099-12-31', reason: 'test set-up' },
  });
  if (res.status !== 201) throw new Error(`reopen: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function addTeam(managerToken: string, parentId: string, name: string) {
  const res = await call('POST', '/teams', { token: managerToken, body: { name, parentId } });
  if (res.status !== 201) throw new Error(`team: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.team.id as string;
}

export const uuid = () => crypto.randomUUID();

export function event(overrides: Record<string, unknown> = {}) {
  return {
    id: uuid(),
    metric: 'calls',
    quantity: 1,
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    ...overrides,
  };
}

/** The API's error shape (`ErrorBody`, shared/api/common.ts). */
export function expectErrorShape(body: unknown): void {
  const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string') {
    throw new Error(`not an error body: ${JSON.stringify(body)}`);
  }
}
