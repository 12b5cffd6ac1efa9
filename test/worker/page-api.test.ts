/**
 * The leaderboard page's own API in workerd with D1: cookie sessions and CSRF, one-time sign-in
 * codes (single use, 60 s), TV links (read-only, one team, revocable), sparkline trends and the
 * activity board under each privacy mode, and the CSV exports' scoping.
 */
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../shared/domain/dates.ts';
import { sha256Hex } from '../../worker/sessions/crypto.ts';
import { addMember, BASE, call, event } from './helpers.ts';
import { confirmSignin } from './sessions.ts';
import { buildWorld, type World } from './world.ts';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

/** Exchanges a bearer token for a session; returns the cookie header and the CSRF secret. */
async function session(token: string): Promise<{ cookie: string; csrf: string }> {
  const res = await call('POST', '/session', { token });
  expect(res.status).toBe(201);
  const set = res.headers.get('set-cookie') ?? '';
  const cookie = /^(__Host-pacer=[^;]+)/.exec(set)?.[1];
  if (!cookie) throw new Error(`no session cookie in ${set}`);
  return { cookie, csrf: res.body.csrfToken };
}

const withCookie = (cookie: string, headers: Record<string, string> = {}) => ({
  headers: { cookie, ...headers },
});

describe('cookie sessions', () => {
  it('sets an HttpOnly, Secure, SameSite=Lax, host-only cookie and hands out the CSRF secret', async () => {
    const res = await call('POST', '/session', { token: w.eastRep.token });
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/^__Host-pacer=/);
    expect(set).toMatch(/; Path=\//);
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; Secure/);
    expect(set).toMatch(/; SameSite=Lax/);
    expect(set).not.toMatch(/Domain=/i);
    const cookie = set.split(';')[0] as string;
    const info = await call('GET', '/session', withCookie(cookie));
    expect(info.body).toMatchObject({ csrfToken: res.body.csrfToken, memberId: w.eastRep.id });
    // The database keeps only the hash of the session id.
    const raw = cookie.split('=')[1] as string;
    const stored = await env.DB.prepare('SELECT hash FROM sessions WHERE hash = ?')
      .bind(await sha256Hex(raw))
      .first();
    expect(stored).not.toBeNull();
    const plain = await env.DB.prepare('SELECT hash FROM sessions WHERE hash = ?')
      .bind(raw)
      .first();
    expect(plain).toBeNull();
  });

  it('needs a bearer token to start, and 401s without any credential', async () => {
    expect((await call('POST', '/session')).status).toBe(401);
    expect((await call('GET', '/session')).status).toBe(401);
  });

  it('reads with the cookie, writes only with the CSRF header and a same-origin Origin', async () => {
    const { cookie, csrf } = await session(w.eastRep.token);
    expect((await call('GET', '/me', withCookie(cookie))).status).toBe(200);
    const write = (headers: Record<string, string>) =>
      call('POST', '/events', { ...withCookie(cookie, headers), body: { events: [event()] } });
    expect((await write({})).status).toBe(403);
    expect((await write({ 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect((await write({ 'x-csrf-token': csrf, origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await write({ 'x-csrf-token': csrf, origin: BASE })).status).toBe(200);
    expect((await write({ 'x-csrf-token': csrf })).status).toBe(200);
  });

  it('stays inside its own organisation', async () => {
    const { cookie } = await session(w.repB.token);
    const res = await call('GET', `/leaderboard?team=${w.eastId}`, withCookie(cookie));
    expect(res.status).toBe(404);
  });

  it('ends at expiry, at sign-out, and when the member is removed', async () => {
    const expired = await session(w.westRep.token);
    await env.DB.prepare(
      "UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE hash = ?",
    )
      .bind(await sha256Hex(expired.cookie.split('=')[1] as string))
      .run();
    expect((await call('GET', '/me', withCookie(expired.cookie))).status).toBe(401);

    const out = await session(w.westRep.token);
    const del = await call(
      'DELETE',
      '/session',
      withCookie(out.cookie, { 'x-csrf-token': out.csrf }),
    );
    expect(del.status).toBe(204);
    expect(del.headers.get('set-cookie')).toMatch(/__Host-pacer=;.*Max-Age=0/);
    expect((await call('GET', '/me', withCookie(out.cookie))).status).toBe(401);

    const leaving = await addMember(w.orgA.managerToken, w.westId);
    const theirs = await session(leaving.token);
    expect((await call('GET', '/me', withCookie(theirs.cookie))).status).toBe(200);
    const removed = await call('DELETE', `/members/${leaving.id}`, { token: w.orgA.managerToken });
    expect(removed.status).toBe(200);
    expect((await call('GET', '/me', withCookie(theirs.cookie))).status).toBe(401);
  });
});

describe('one-time sign-in codes', () => {
  it('work once, from the page, and set the session cookie', async () => {
    const made = await call('POST', '/session/codes', { token: w.eastRep.token });
    expect(made.status).toBe(201);
    expect(made.body.url).toBe(`${BASE}/signin?code=${made.body.code}`);
    const lifetime = Date.parse(made.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(50_000);
    expect(lifetime).toBeLessThanOrEqual(60_000);
    const first = await confirmSignin(made.body.code);
    expect(first.status).toBe(201);
    const me = await call('GET', '/me', withCookie(first.cookie ?? ''));
    expect(me.body.member.id).toBe(w.eastRep.id);
    const second = await confirmSignin(made.body.code);
    expect(second.status).toBe(401);
    expect(second.cookie).toBeNull();
  });

  it('fail after 60 seconds', async () => {
    const made = await call('POST', '/session/codes', { token: w.eastRep.token });
    await env.DB.prepare(
      "UPDATE signin_codes SET expires_at = '2000-01-01T00:00:00.000Z' WHERE hash = ?",
    )
      .bind(await sha256Hex(made.body.code))
      .run();
    expect((await confirmSignin(made.body.code)).status).toBe(401);
    expect((await confirmSignin('x'.repeat(43))).status).toBe(401);
  });
});

describe('TV links', () => {
  const tvGet = (token: string, path: string) =>
    call('GET', path, { headers: { 'x-pacer-tv': token } });

  it('are for managers of the team, read one board, and die when revoked', async () => {
    expect(
      (await call('POST', '/tv-links', { token: w.eastRep.token, body: { teamId: w.eastId } }))
        .status,
    ).toBe(403);
    expect(
      (await call('POST', '/tv-links', { token: w.eastManager.token, body: { teamId: w.westId } }))
        .status,
    ).toBe(403);
    const made = await call('POST', '/tv-links', {
      token: w.eastManager.token,
      body: { teamId: w.eastId },
    });
    expect(made.status).toBe(201);
    expect(made.body.url).toBe(`${BASE}/tv/${made.body.token}`);
    const token = made.body.token as string;
    const info = await tvGet(token, '/tv/info');
    expect(info.body.team).toEqual({ id: w.eastId, name: 'East' });
    const board = await tvGet(token, `/leaderboard?team=${w.eastId}`);
    expect(board.status).toBe(200);
    expect(board.body.entries.map((e: { member: { id: string } }) => e.member.id)).toContain(
      w.eastRep.id,
    );
    // Conditional polling.
    const again = await call('GET', `/leaderboard?team=${w.eastId}`, {
      headers: { 'x-pacer-tv': token, 'if-none-match': board.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
    expect((await tvGet(token, `/leaderboard?team=${w.westId}`)).status).toBe(403);
    expect((await tvGet(token, '/leaderboard')).status).toBe(403);
    expect((await tvGet(token, '/members')).status).toBe(403);
    expect(
      (
        await call('POST', '/events', {
          headers: { 'x-pacer-tv': token },
          body: { events: [event()] },
        })
      ).status,
    ).toBe(403);

    const list = await call('GET', '/tv-links', { token: w.eastManager.token });
    expect(list.body.links.map((l: { id: string }) => l.id)).toContain(made.body.link.id);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(
      (await call('DELETE', `/tv-links/${made.body.link.id}`, { token: w.orgB.managerToken }))
        .status,
    ).toBe(404);
    const revoked = await call('DELETE', `/tv-links/${made.body.link.id}`, {
      token: w.eastManager.token,
    });
    expect(revoked.body.link.revokedAt).not.toBeNull();
    expect((await tvGet(token, `/leaderboard?team=${w.eastId}`)).status).toBe(401);
    expect((await tvGet(token, '/tv/info')).status).toBe(401);
  });
});

describe('trends and activity', () => {
  it('give managers every rep of the team and reps what privacy allows', async () => {
    // The rep's day in Berlin (the world's zone), where the log just made counts: late in the UTC
    // day it is already tomorrow there.
    const today = localDateOf(Date.now(), 'Europe/Berlin');
    await call('POST', '/events', {
      token: w.eastRep.token,
      body: {
        events: [event({ metric: 'visits', quantity: 3, occurredAt: new Date().toISOString() })],
      },
    });
    const q = `team=${w.orgA.rootTeamId}&from=${today}&to=${today}&metric=visits`;
    const asManager = await call('GET', `/page/trends?${q}`, { token: w.orgA.managerToken });
    expect(asManager.status).toBe(200);
    const members = await call('GET', '/members', { token: w.orgA.managerToken });
    const reps = members.body.members
      .filter((m: { role: string }) => m.role === 'rep')
      .map((m: { id: string }) => m.id)
      .sort();
    expect(reps).toContain(w.eastRep.id);
    expect(Object.keys(asManager.body.series).sort()).toEqual(reps);
    expect(asManager.body.series[w.eastRep.id]).toEqual([3]);

    const asRep = (query: string) => call('GET', query, { token: w.westRep.token });
    expect(Object.keys((await asRep(`/page/trends?${q}`)).body.series)).toHaveLength(reps.length);
    expect(
      (await asRep(`/page/activity?team=${w.orgA.rootTeamId}&date=${today}`)).body.totals.visits,
    ).toBe(3);
    const privacy = await call('PATCH', '/org', {
      token: w.orgA.managerToken,
      body: { privacy: 'private' },
    });
    expect(privacy.status).toBe(200);
    expect(Object.keys((await asRep(`/page/trends?${q}`)).body.series)).toEqual([w.westRep.id]);
    expect((await asRep(`/page/activity?team=${w.orgA.rootTeamId}`)).status).toBe(403);
    await call('PATCH', '/org', { token: w.orgA.managerToken, body: { privacy: 'open' } });

    expect(
      (await asRep(`/page/trends?team=${w.eastId}&from=${today}&to=${today}&metric=visits`)).status,
    ).toBe(403);
    expect((await call('GET', `/page/trends?${q}`, { token: w.repB.token })).status).toBe(404);
    expect(
      (await asRep(`/page/trends?team=${w.orgA.rootTeamId}&from=2026-02-30&to=x&metric=visits`))
        .status,
    ).toBe(400);
    expect(
      (
        await asRep(
          `/page/trends?team=${w.orgA.rootTeamId}&from=2024-01-01&to=2026-01-01&metric=visits`,
        )
      ).status,
    ).toBe(400);
  });
});

describe('CSV exports', () => {
  it('are for managers of the team only', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const q = `from=${today}&to=${today}`;
    expect((await call('GET', `/export/events.csv?${q}`, { token: w.eastRep.token })).status).toBe(
      403,
    );
    expect(
      (
        await call('GET', `/export/events.csv?team=${w.westId}&${q}`, {
          token: w.eastManager.token,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('GET', `/export/events.csv?team=${w.eastId}&${q}`, {
          token: w.orgB.managerToken,
        })
      ).status,
    ).toBe(404);
    const ok = await call('GET', `/export/events.csv?team=${w.eastId}&${q}`, {
      token: w.eastManager.token,
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (ok.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^event_id,member,email,team,metric/);
    expect(lines.slice(1).every((l) => l.includes(',East,'))).toBe(true);
    const board = await call('GET', `/export/leaderboard.csv?team=${w.eastId}`, {
      token: w.eastManager.token,
    });
    expect(board.status).toBe(200);
    expect(board.body as string).toContain('East Rep');
    expect(
      (
        await call('GET', `/export/leaderboard.csv?team=${w.westId}`, {
          token: w.eastManager.token,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('GET', '/export/leaderboard.csv?by=nonsense!', { token: w.eastManager.token }))
        .status,
    ).toBe(400);
    // The export asks the leaderboard service directly and answers its refusals as the board does.
    expect(
      (
        await call('GET', `/export/leaderboard.csv?team=${crypto.randomUUID()}`, {
          token: w.eastManager.token,
        })
      ).status,
    ).toBe(404);
  });
});
