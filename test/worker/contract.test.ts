/** The API contract and hardening: OpenAPI, error shape, headers, CORS, limits, sign-up, teams. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app.ts';
import {
  addMember,
  addTeam,
  BASE,
  call,
  createOrg,
  event,
  expectErrorShape,
  freshIp,
} from './helpers.ts';

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document describing every route under /api/v1', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    type Operation = { operationId: string; summary?: string; 'x-pacer-role'?: string };
    const operations = Object.entries(res.body.paths as Record<string, Record<string, Operation>>)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ method, path, ...op })),
      );
    const documented = operations
      .filter((op) => op.summary && op['x-pacer-role'])
      .map((op) => `${op.method.toUpperCase()} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`);
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.path.replace(/\/$/, '')}`);
    // The document is generated from the routes; a route is described only by `documented(...)`
    // beside it (worker/openapi/describe.ts): a served route without one fails here.
    expect([...new Set(served)].sort()).toEqual([...documented].sort());
    expect(documented.length).toBe(operations.length);
    // Unique operation ids.
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const put = res.body.paths['/api/v1/targets'].put;
    expect(put.requestBody.content['application/json'].schema.properties.scope.enum).toEqual([
      'member',
      'team',
    ]);
    expect(res.body.paths['/api/v1/events'].post.responses['400'].$ref).toBe(
      '#/components/responses/Error',
    );
  });

  it('describes the page routes with their schemas and credentials', async () => {
    const { paths, components } = (await call('GET', '/openapi.json')).body;
    const codes = paths['/api/v1/session/codes'].post;
    expect(
      Object.keys(codes.responses['201'].content['application/json'].schema.properties),
    ).toEqual(['code', 'url', 'expiresAt']);
    expect(codes.security).toEqual([{ bearer: [] }]);
    expect(paths['/api/v1/session'].get.security).toEqual([{ session: [] }]);
    expect(paths['/api/v1/session'].delete.responses['204']).toEqual({ description: 'No content' });
    expect(paths['/api/v1/tv/info'].get.security).toEqual([{ tv: [] }]);
    expect(components.securitySchemes.tv).toEqual({
      type: 'apiKey',
      in: 'header',
      name: 'x-pacer-tv',
    });
    const trendParams = paths['/api/v1/page/trends'].get.parameters.map(
      (p: { name: string; required: boolean }) => `${p.name}:${p.required}`,
    );
    expect(trendParams).toEqual(['team:true', 'from:true', 'to:true', 'metric:true']);
    const csv = paths['/api/v1/export/events.csv'].get;
    expect(Object.keys(csv.responses['200'].content)).toEqual(['text/csv']);
    expect(csv['x-pacer-role']).toBe('manager');
    expect(
      paths['/api/v1/tv-links'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['teamId']);
  });
});

describe('errors and hardening', () => {
  it('answers unknown routes and malformed JSON with the error shape', async () => {
    const missing = await call('GET', '/nothing-here');
    expect(missing.status).toBe(404);
    expectErrorShape(missing.body);
    const org = await createOrg();
    const bad = await call('POST', '/events', { token: org.managerToken, rawBody: '{"events": [' });
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
    const invalid = await call('POST', '/orgs', { body: { name: '', timezone: 'Mars/Base' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('validation_failed');
    const paths = invalid.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'timezone', 'currency', 'manager']));
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const org = await createOrg();
    const big = JSON.stringify({ events: [event({ note: 'x'.repeat(1_100_000) })] });
    const res = await call('POST', '/events', { token: org.managerToken, rawBody: big });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('sends secure headers', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toContain('max-age');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('allows CORS for extension origins only', async () => {
    const preflight = (origin: string) =>
      app.request(
        `${BASE}/api/v1/events`,
        {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization, content-type',
          },
        },
        env,
      );
    const ext = await preflight('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(ext.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    expect(ext.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const pinned = await app.request(
      `${BASE}/api/v1/openapi.json`,
      { headers: { origin: 'chrome-extension://other' } },
      { ...env, ALLOWED_ORIGINS: 'chrome-extension://pinned' },
    );
    expect(pinned.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('rate-limits guessing invite codes per client IP (429)', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    // The limiter counts per fixed minute: 125 tries hit it even if a minute boundary falls inside.
    for (let i = 0; i < 125; i++) {
      const res = await call('POST', '/join', {
        headers: { 'cf-connecting-ip': ip },
        body: { code: `WRONG${i}XX`, name: 'X', email: 'x@example.com', timezone: 'UTC' },
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.error.code).toBe('rate_limited');
        expect(res.headers.get('retry-after')).toBe('60');
        break;
      }
    }
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
    expect(statuses.length).toBeGreaterThan(60);
    expect(statuses.at(-1)).toBe(429);
  });

  it('rate-limits each token on its own budget (429)', async () => {
    const org = await createOrg();
    const other = await createOrg();
    // The real rate-limit binding with the smaller public budget (60 a minute) as the token budget.
    const tight = { ...env, RATE_LIMITER: env.PUBLIC_RATE_LIMITER };
    const get = (token: string) =>
      app.request(`${BASE}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } }, tight);
    let status = 200;
    // Fixed one-minute windows: 125 calls are over budget even across a window boundary.
    let calls = 0;
    while (status === 200 && calls < 125) {
      status = (await get(org.managerToken)).status;
      calls++;
    }
    expect(calls).toBeGreaterThan(60);
    expect(status).toBe(429);
    expect((await get(other.managerToken)).status).toBe(200);
  });

  it('counts a request on a nested router (/me/progress) once against the budget', async () => {
    const org = await createOrg();
    const tight = { ...env, RATE_LIMITER: env.PUBLIC_RATE_LIMITER };
    const get = () =>
      app.request(
        `${BASE}/api/v1/me/progress?period=day`,
        { headers: { authorization: `Bearer ${org.managerToken}` } },
        tight,
      );
    // Run twice per request, the budget of 60 would be gone after 30 requests.
    for (let i = 0; i < 40; i++) expect((await get()).status).toBe(200);
  });

  it('closes sign-up when SIGNUP_OPEN is "false"', async () => {
    const res = await app.request(
      `${BASE}/api/v1/orgs`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': freshIp() },
        body: JSON.stringify({
          name: 'Closed',
          timezone: 'UTC',
          currency: 'USD',
          manager: { name: 'A', email: 'a@example.com' },
        }),
      },
      { ...env, SIGNUP_OPEN: 'false' },
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('signup_closed');
  });
});

describe('orgs, invites and join', () => {
  it('creates an org with the contract’s shapes and a working rep invite', async () => {
    const res = await call('POST', '/orgs', {
      body: {
        name: 'Shapes',
        timezone: 'Asia/Shanghai',
        currency: 'CNY',
        manager: { name: 'Wei', email: 'wei@example.com' },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({ role: 'manager', timezone: 'Asia/Shanghai' });
    expect(res.body.token).toMatch(/^pcr_[A-Za-z0-9_-]{43}$/);
    expect(res.body.org.settings.calendar.timezone).toBe('Asia/Shanghai');
    expect(res.body.team).toMatchObject({ parentId: null, depth: 0 });
    // Typed the way people type it: lower case, with a dash.
    const code = `${res.body.inviteCode.slice(0, 5).toLowerCase()}-${res.body.inviteCode.slice(5)}`;
    const joined = await call('POST', '/join', {
      body: { code, name: 'Li', email: 'li@example.com', timezone: 'Asia/Shanghai' },
    });
    expect(joined.status).toBe(201);
    expect(joined.body.member).toMatchObject({ role: 'rep', teamId: res.body.team.id });
    const again = await call('POST', '/join', {
      body: { code, name: 'Li 2', email: 'LI@example.com', timezone: 'UTC' },
    });
    expect(again.status).toBe(409);
  });

  it('revoked invite codes stop working', async () => {
    const org = await createOrg();
    const invite = await call('POST', '/invites', {
      token: org.managerToken,
      body: { teamId: org.rootTeamId, role: 'manager', expiresInHours: 2 },
    });
    expect(invite.status).toBe(201);
    expect(Date.parse(invite.body.expiresAt) - Date.now()).toBeGreaterThan(7_100_000);
    const revoked = await call('DELETE', `/invites/${invite.body.code}`, {
      token: org.managerToken,
    });
    expect(revoked.body.invite).toMatchObject({ revoked: true, role: 'manager' });
    const join = await call('POST', '/join', {
      body: { code: invite.body.code, name: 'Z', email: 'z@example.com', timezone: 'UTC' },
    });
    expect(join.status).toBe(404);
  });

  it('expired codes, closed organisations and racing joins', async () => {
    const org = await createOrg();
    const invite = await call('POST', '/invites', {
      token: org.managerToken,
      body: { teamId: org.rootTeamId },
    });
    const body = (code: string, email: string) => ({
      body: { code, name: 'Racer', email, timezone: 'UTC' },
    });
    const racing = await Promise.all([
      call('POST', '/join', body(invite.body.code, 'same@example.com')),
      call('POST', '/join', body(invite.body.code, 'same@example.com')),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    await env.DB.prepare('UPDATE invites SET expires_at = ? WHERE code = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), invite.body.code)
      .run();
    expect((await call('POST', '/join', body(invite.body.code, 'late@example.com'))).status).toBe(
      404,
    );
    await call('PATCH', '/org', { token: org.managerToken, body: { signupOpen: false } });
    const closed = await call('POST', '/join', body(org.inviteCode, 'closed@example.com'));
    expect(closed.status).toBe(403);
    expect(closed.body.error.code).toBe('signup_closed');
  });

  it('validates settings as a whole and accepts custom metrics for events', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const badTiers = await call('PATCH', '/org', {
      token: org.managerToken,
      body: {
        tiers: {
          period: 'month',
          ladder: [
            { id: 'a', threshold: 100, name: { en: 'A', zh: 'A' } },
            { id: 'b', threshold: 90, name: { en: 'B', zh: 'B' } },
          ],
        },
      },
    });
    expect(badTiers.status).toBe(400);
    const badPrimary = await call('PATCH', '/org', {
      token: org.managerToken,
      body: { primaryMetric: 'demos' },
    });
    expect(badPrimary.status).toBe(400);
    const custom = await call('PATCH', '/org', {
      token: org.managerToken,
      body: {
        name: 'Renamed',
        customMetrics: [
          { id: 'demos', label: { en: 'Demos', zh: '演示' }, kind: 'count', points: 4 },
        ],
      },
    });
    expect(custom.status).toBe(200);
    expect(custom.body.org.name).toBe('Renamed');
    const logged = await call('POST', '/events', {
      token: rep.token,
      body: {
        events: [event({ metric: 'demos', quantity: 5, occurredAt: new Date().toISOString() })],
      },
    });
    expect(logged.body.results[0].status).toBe('created');
    const progress = await call('GET', '/me/progress?period=day', { token: rep.token });
    expect(progress.body.points.today).toBe(20);
    expect(progress.body.metrics.map((m: { metric: string }) => m.metric)).toContain('demos');
  });
});

describe('teams and members', () => {
  it('nests at most 4 levels and moves subtrees with their depth', async () => {
    const org = await createOrg();
    const a = await addTeam(org.managerToken, org.rootTeamId, 'A');
    const b = await addTeam(org.managerToken, a, 'B');
    const c = await addTeam(org.managerToken, b, 'C');
    const tooDeep = await call('POST', '/teams', {
      token: org.managerToken,
      body: { name: 'D', parentId: c },
    });
    expect(tooDeep.status).toBe(409);
    const cycle = await call('PATCH', `/teams/${a}`, {
      token: org.managerToken,
      body: { parentId: c },
    });
    expect(cycle.status).toBe(409);
    const x = await addTeam(org.managerToken, org.rootTeamId, 'X');
    // B (with C below) under X: B at depth 2, C at 3 — allowed.
    const moved = await call('PATCH', `/teams/${b}`, {
      token: org.managerToken,
      body: { parentId: x },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.team).toMatchObject({ parentId: x, depth: 2 });
    const teams = (await call('GET', '/teams', { token: org.managerToken })).body.teams;
    expect(teams.find((t: { id: string }) => t.id === c)).toMatchObject({ parentId: b, depth: 3 });
    const rootMove = await call('PATCH', `/teams/${org.rootTeamId}`, {
      token: org.managerToken,
      body: { parentId: x },
    });
    expect(rootMove.status).toBe(403);
  });

  it('changes roles and teams; managers cannot demote or remove themselves', async () => {
    const org = await createOrg();
    const east = await addTeam(org.managerToken, org.rootTeamId, 'East');
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const promoted = await call('PATCH', `/members/${rep.id}`, {
      token: org.managerToken,
      body: { role: 'manager', teamId: east },
    });
    expect(promoted.body.member).toMatchObject({ role: 'manager', teamId: east });
    const invite = await call('POST', '/invites', { token: rep.token, body: { teamId: east } });
    expect(invite.status).toBe(201);
    expect(
      (
        await call('PATCH', `/members/${org.managerId}`, {
          token: org.managerToken,
          body: { role: 'rep' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('DELETE', `/members/${org.managerId}`, { token: org.managerToken })).status,
    ).toBe(403);
    expect(
      (await call('PATCH', `/members/${rep.id}`, { token: org.managerToken, body: {} })).status,
    ).toBe(400);
  });
});
