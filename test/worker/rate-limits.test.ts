/**
 * Request budgets on the real rate-limit bindings (the public binding's 60 a minute stands in for
 * the bigger ones, so a test needs ~100 requests, not thousands). One budget per member whatever
 * credential they use (token, another token, page session); failed authentication is throttled
 * per client address, and a client over that budget is refused before any credential is looked
 * up; the client address is `CF-Connecting-IP`, an IPv6 client's /64 counting as one client, and
 * a request without it is refused rather than pooled with every other such request.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/app.ts';
import { BASE, createOrg, freshIp } from './helpers.ts';
import { sessionFromToken } from './sessions.ts';

const tight = {
  ...env,
  RATE_LIMITER: env.PUBLIC_RATE_LIMITER,
  AUTH_FAILURE_LIMITER: env.PUBLIC_RATE_LIMITER,
};

const get = async (path: string, headers: Record<string, string>): Promise<Response> =>
  app.request(`${BASE}/api/v1${path}`, { headers }, tight);

/** Fixed one-minute windows: 125 calls pass a budget of 60 even across a window boundary. */
async function untilLimited(
  send: () => Promise<Response>,
): Promise<{ calls: number; last: Response }> {
  let calls = 0;
  let last = await send();
  calls++;
  while (last.status !== 429 && calls < 125) {
    last = await send();
    calls++;
  }
  return { calls, last };
}

describe('one budget per member', () => {
  it('a member past 429 on their token is also limited through their page session', async () => {
    const org = await createOrg();
    const session = await sessionFromToken(org.managerToken);
    const { calls, last } = await untilLimited(() =>
      get('/me', { authorization: `Bearer ${org.managerToken}`, 'cf-connecting-ip': freshIp() }),
    );
    expect(calls).toBeGreaterThan(30);
    expect(last.status).toBe(429);
    const viaCookie = await get('/me', { cookie: session.cookie, 'cf-connecting-ip': freshIp() });
    expect(viaCookie.status).toBe(429);
    // Another member is not affected.
    const other = await createOrg();
    const ok = await get('/me', {
      authorization: `Bearer ${other.managerToken}`,
      'cf-connecting-ip': freshIp(),
    });
    expect(ok.status).toBe(200);
  });
});

describe('failed authentication', () => {
  it('is throttled per client: guesses end in 429, and then even a valid token from there waits', async () => {
    const org = await createOrg();
    const ip = freshIp();
    const guess = (i: number) =>
      get('/me', {
        authorization: `Bearer pcr_${String(i).padStart(43, 'x')}`,
        'cf-connecting-ip': ip,
      });
    let i = 0;
    const { calls, last } = await untilLimited(() => guess(i++));
    expect(calls).toBeGreaterThan(30);
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toBe('60');
    expect(((await last.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    const blocked = await get('/me', {
      authorization: `Bearer ${org.managerToken}`,
      'cf-connecting-ip': ip,
    });
    expect(blocked.status).toBe(429);
    // Other clients are not.
    const elsewhere = await get('/me', {
      authorization: `Bearer ${org.managerToken}`,
      'cf-connecting-ip': freshIp(),
    });
    expect(elsewhere.status).toBe(200);
  });

  it('counts malformed tokens, unknown cookies and unknown TV links alike', async () => {
    const ip = freshIp();
    const kinds: Record<string, string>[] = [
      { authorization: 'Bearer nonsense' },
      { cookie: '__Host-pacer=unknown-session' },
      { 'x-pacer-tv': `pcr_${'y'.repeat(43)}` },
    ];
    let i = 0;
    const { last } = await untilLimited(() =>
      get('/leaderboard', { ...kinds[i++ % kinds.length], 'cf-connecting-ip': ip }),
    );
    expect(last.status).toBe(429);
  });

  it('treats the addresses of one IPv6 /64 as one client', async () => {
    let i = 0;
    const { last } = await untilLimited(() =>
      get('/me', {
        authorization: 'Bearer nonsense',
        'cf-connecting-ip': `2001:db8:7:1:${(i++).toString(16)}::1`,
      }),
    );
    expect(last.status).toBe(429);
  });
});

describe('the client address', () => {
  it('is required where a per-client budget applies (refused, not pooled)', async () => {
    const join = await app.request(
      `${BASE}/api/v1/join`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code: 'ABCDEFGHJK',
          name: 'X',
          email: 'x@x.example',
          timezone: 'UTC',
        }),
      },
      tight,
    );
    expect(join.status).toBe(400);
    const guess = await get('/me', { authorization: 'Bearer nonsense' });
    expect(guess.status).toBe(400);
  });
});
