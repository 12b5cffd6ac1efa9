/**
 * Integrity under hostile input: numbers that overflow, dates past any calendar, ids named like
 * JavaScript's own properties, spreadsheet formulas in text, totals past exact integers, links
 * built from a forged Host header, invisible names, and void as an existence oracle.
 */
import { SELF } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { DAILY_TOTAL_CAP } from '../../shared/api/index.ts';
import { addMonths } from '../../shared/domain/dates.ts';
import { addMember, BASE, call, createOrg, event, type OrgFixture, uuid } from './helpers.ts';

/** A hang fails the test (after `ms`) instead of stalling the whole run. */
async function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const today = () => new Date().toISOString().slice(0, 10);
const monthStart = () => `${today().slice(0, 8)}01`;
/** Next month (UTC orgs): members who joined today carry all of it, whatever today is. */
const nextMonthStart = () => addMonths(monthStart(), 1);

let org: OrgFixture;
let rep: { id: string; token: string };

beforeAll(async () => {
  org = await createOrg({ timezone: 'UTC' });
  rep = await addMember(org.managerToken, org.rootTeamId, { timezone: 'UTC' });
});

describe('numbers in targets', () => {
  it('refuses split weights of 1e308 (and other out-of-range numbers) with 400, saving nothing', async () => {
    const base = {
      scope: 'team',
      teamId: org.rootTeamId,
      metric: 'calls',
      period: { kind: 'month', start: monthStart() },
      value: 10,
    };
    for (const split of [
      { mode: 'weights', weights: { [rep.id]: 1e308, [org.managerId]: 1 } },
      { mode: 'weights', weights: { [rep.id]: Number.MAX_SAFE_INTEGER + 2 } },
      { mode: 'explicit', shares: { [rep.id]: 1e300 } },
      { mode: 'explicit', shares: { [rep.id]: 2 ** 53 + 1 } },
    ]) {
      const res = await within(
        5000,
        call('PUT', '/targets', { token: org.managerToken, body: { ...base, split } }),
        'PUT /targets',
      );
      expect(res.status, JSON.stringify(split)).toBe(400);
    }
    const stored = await call('GET', `/targets?team=${org.rootTeamId}`, {
      token: org.managerToken,
    });
    expect(stored.body.targets).toEqual([]);
  });

  it('reads a split stored with 1e308 weights (before the bound) without hanging', async () => {
    // Next month's target: the member joined today, so this month's share would count only the
    // workdays left, and the whole 10 is theirs only in a month they carry whole.
    const team = await createOrg({ timezone: 'UTC' });
    const member = await addMember(team.managerToken, team.rootTeamId, { timezone: 'UTC' });
    const put = await call('PUT', '/targets', {
      token: team.managerToken,
      body: {
        scope: 'team',
        teamId: team.rootTeamId,
        metric: 'calls',
        period: { kind: 'month', start: nextMonthStart() },
        value: 10,
        split: { mode: 'weights', weights: { [member.id]: 1 } },
      },
    });
    expect(put.status).toBe(200);
    await env.DB.prepare('UPDATE targets SET split = ? WHERE org_id = ?')
      .bind(`{"mode":"weights","weights":{"${member.id}":1e308,"${team.managerId}":1}}`, team.orgId)
      .run();
    const progress = await within(
      5000,
      call('GET', `/me/progress?date=${nextMonthStart()}`, { token: member.token }),
      'GET /me/progress',
    );
    expect(progress.status).toBe(200);
    const calls = progress.body.metrics.find((m: { metric: string }) => m.metric === 'calls');
    expect(calls.target).toBe(10);
    const targets = await within(
      5000,
      call('GET', `/targets?team=${team.rootTeamId}&date=${nextMonthStart()}`, {
        token: team.managerToken,
      }),
      'GET /targets',
    );
    expect(targets.status).toBe(200);
    expect(targets.body.targets[0].allocation.allocated).toBe(10);
  });
});

describe('dates past the supported range', () => {
  it('answer 400 on leaderboard, progress, standings and CSV exports', async () => {
    const contest = await call('POST', '/contests', {
      token: org.managerToken,
      body: {
        name: 'Far dates',
        teamId: org.rootTeamId,
        metric: 'calls',
        start: today(),
        end: today(),
      },
    });
    expect(contest.status).toBe(201);
    const id = contest.body.contest.id as string;
    for (const date of ['9999-12-31', '9999-01-01', '9998-12-31', '2200-01-01', '1999-12-31']) {
      for (const path of [
        `/leaderboard?date=${date}`,
        `/leaderboard?date=${date}&period=year&group=teams`,
        `/me/progress?date=${date}&period=year`,
        `/contests/${id}/standings?date=${date}`,
        `/export/leaderboard.csv?date=${date}`,
        `/export/events.csv?from=${date}&to=${date}`,
        `/page/activity?team=${org.rootTeamId}&date=${date}`,
      ]) {
        const res = await call('GET', path, { token: org.managerToken });
        expect(res.status, path).toBe(400);
      }
    }
  });
});

describe('ids named like JavaScript object properties', () => {
  it('refuses a custom metric named constructor (or points keyed so)', async () => {
    for (const id of ['constructor', 'valueof', 'tostring', 'hasownproperty']) {
      const res = await call('PATCH', '/org', {
        token: org.managerToken,
        body: { customMetrics: [{ id, label: { en: 'X', zh: 'X' }, kind: 'count', points: 1 }] },
      });
      expect(res.status, id).toBe(400);
    }
    const points = await call('PATCH', '/org', {
      token: org.managerToken,
      body: { points: { constructor: 3 } },
    });
    expect(points.status).toBe(400);
  });

  it('counts a metric already stored as constructor like any other metric', async () => {
    const team = await createOrg({ timezone: 'UTC' });
    const member = await addMember(team.managerToken, team.rootTeamId, { timezone: 'UTC' });
    // Written straight to the database, as an org that defined it before the contract refused it.
    const row = await env.DB.prepare('SELECT settings FROM orgs WHERE id = ?')
      .bind(team.orgId)
      .first<{ settings: string }>();
    const settings = JSON.parse(row?.settings ?? '{}');
    settings.customMetrics = [
      { id: 'constructor', label: { en: 'Builds', zh: 'Builds' }, kind: 'count', points: 4 },
    ];
    await env.DB.prepare('UPDATE orgs SET settings = ? WHERE id = ?')
      .bind(JSON.stringify(settings), team.orgId)
      .run();
    const logged = await call('POST', '/events', {
      token: member.token,
      body: {
        events: [event({ metric: 'constructor', quantity: 5, note: 'x' }), event({ quantity: 1 })],
      },
    });
    expect(logged.body.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'created',
    ]);
    const progress = await call('GET', '/me/progress?period=day', { token: member.token });
    expect(progress.status).toBe(200);
    // 5 × 4 points + 1 call × 2 points.
    expect(progress.body.points.today).toBe(22);
    const board = await call('GET', '/leaderboard?by=points&period=day', {
      token: team.managerToken,
    });
    expect(board.status).toBe(200);
    const entry = board.body.entries.find(
      (e: { member: { id: string } }) => e.member.id === member.id,
    );
    expect(entry.points).toBe(22);
    const activity = await call('GET', `/page/activity?team=${team.rootTeamId}`, {
      token: team.managerToken,
    });
    expect(activity.status).toBe(200);
    expect(activity.body.totals.constructor).toBe(5);
    expect(JSON.stringify(activity.body)).not.toContain('function');
    const csv = await call('GET', `/export/events.csv?from=${today()}&to=${today()}`, {
      token: team.managerToken,
    });
    expect(csv.status).toBe(200);
    expect(csv.body as string).toContain(',constructor,5,');
    const trends = await call(
      'GET',
      `/page/trends?team=${team.rootTeamId}&from=${today()}&to=${today()}&metric=constructor`,
      { token: team.managerToken },
    );
    expect(trends.status).toBe(200);
    expect(trends.body.series[member.id]).toEqual([5]);
  });
});

describe('CSV exports and spreadsheet formulas', () => {
  it('neutralise formula starters after any separator, quote separators and line breaks', async () => {
    const team = await createOrg({ timezone: 'UTC' });
    const member = await addMember(team.managerToken, team.rootTeamId, {
      timezone: 'UTC',
      name: '@SUM(1+1)',
    });
    const notes = [
      'ok;=HYPERLINK("https://evil.example","x")',
      '=1+1',
      '+1',
      '-1',
      '@A1',
      '\t=1',
      'a,b',
      'two\nlines',
      'tab\tinside',
    ];
    const logged = await call('POST', '/events', {
      token: member.token,
      body: { events: notes.map((note) => event({ note })) },
    });
    expect(logged.body.results.every((r: { status: string }) => r.status === 'created')).toBe(true);
    const csv = await call('GET', `/export/events.csv?from=${today()}&to=${today()}`, {
      token: team.managerToken,
    });
    expect(csv.status).toBe(200);
    const text = (csv.body as string).replace(/^\uFEFF/, '');
    // Every cell a spreadsheet splits on `,` or `;` must start with neither a formula character
    // nor a quote-then-formula character after unquoting.
    const cells = text.split(/[,;\r\n]/);
    for (const cell of cells) {
      const unquoted = cell.replace(/^"/, '');
      expect(unquoted, cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(text).toContain(`"'@SUM(1+1)"`);
    expect(text).toContain(`"ok;'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(text).not.toMatch(/,ok;=HYPERLINK/);
    expect(text).toContain('"two\nlines"');
    const board = await call('GET', '/export/leaderboard.csv', { token: team.managerToken });
    expect(board.status).toBe(200);
    expect(board.body as string).toContain(`"'@SUM(1+1)"`);
  });
});

describe('daily caps on totals', () => {
  it('refuses an event that would take a day past its cap, per event, and keeps totals exact', async () => {
    const team = await createOrg({ timezone: 'UTC' });
    const member = await addMember(team.managerToken, team.rootTeamId, { timezone: 'UTC' });
    const cap = DAILY_TOTAL_CAP.count;
    const big = event({ quantity: cap - 1 });
    const first = await call('POST', '/events', {
      token: member.token,
      body: {
        events: [
          big,
          event({ quantity: 1 }),
          event({ quantity: 1 }),
          event({ metric: 'revenue', quantity: 1_000_000_000_000 }),
        ],
      },
    });
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'created',
      'rejected',
      'rejected',
    ]);
    expect(first.body.results[2].error.code).toBe('daily_limit');
    expect(first.body.results[3].error.code).toBe('daily_limit');
    // A retry of what was counted is a duplicate, not over the cap.
    const retry = await call('POST', '/events', { token: member.token, body: { events: [big] } });
    expect(retry.body.results[0].status).toBe('duplicate');
    // 20 requests of the contract's largest quantity never get past the cap.
    for (let i = 0; i < 20; i++) {
      const more = await call('POST', '/events', {
        token: member.token,
        body: { events: [event({ quantity: 1_000_000_000_000 })] },
      });
      expect(more.body.results[0].status).toBe('rejected');
    }
    const progress = await call('GET', '/me/progress?period=day', { token: member.token });
    const calls = progress.body.metrics.find((m: { metric: string }) => m.metric === 'calls');
    expect(calls.achieved).toBe(cap);
    expect(Number.isSafeInteger(calls.achieved)).toBe(true);
    // A void frees room again.
    const recent = await call('GET', '/me/events?limit=5', { token: member.token });
    const one = recent.body.events.find((e: { quantity: number }) => e.quantity === 1);
    expect((await call('POST', `/events/${one.id}/void`, { token: member.token })).status).toBe(
      200,
    );
    const again = await call('POST', '/events', {
      token: member.token,
      body: { events: [big, event({ quantity: 1 }), event({ quantity: 1 })] },
    });
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'created',
      'rejected',
    ]);
  });
});

describe('generated links', () => {
  it('use the configured public origin, never the Host header', async () => {
    const forged = async (path: string, body?: unknown) => {
      const res = await SELF.fetch(`https://evil.example/api/v1${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${org.managerToken}`,
          'content-type': 'application/json',
          host: 'evil.example',
          'x-forwarded-host': 'evil.example',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await res.json()) as { url: string };
    };
    const signin = await forged('/session/codes');
    expect(signin.url.startsWith(`${BASE}/signin?code=`)).toBe(true);
    const tv = await forged('/tv-links', { teamId: org.rootTeamId });
    expect(tv.url.startsWith(`${BASE}/tv/`)).toBe(true);
  });
});

describe('names that only look like names', () => {
  it('are refused wherever a name or title is accepted', async () => {
    const bad = ['\u200B', '\u200B\u200C\u200D\uFEFF', ' \u2060 ', 'a\u0000b', '\u0000', 'x\ny'];
    for (const name of bad) {
      const label = JSON.stringify(name);
      const orgRes = await call('POST', '/orgs', {
        body: {
          name,
          timezone: 'UTC',
          currency: 'EUR',
          manager: { name: 'Ok', email: `${uuid()}@example.com` },
        },
      });
      expect(orgRes.status, `org ${label}`).toBe(400);
      const team = await call('POST', '/teams', {
        token: org.managerToken,
        body: { name, parentId: org.rootTeamId },
      });
      expect(team.status, `team ${label}`).toBe(400);
      expect(
        (await call('PATCH', '/me', { token: rep.token, body: { name } })).status,
        `me ${label}`,
      ).toBe(400);
      expect(
        (await call('PATCH', `/members/${rep.id}`, { token: org.managerToken, body: { name } }))
          .status,
        `member ${label}`,
      ).toBe(400);
      expect(
        (await call('PATCH', '/org', { token: org.managerToken, body: { name } })).status,
        `org name ${label}`,
      ).toBe(400);
      const contest = await call('POST', '/contests', {
        token: org.managerToken,
        body: { name, teamId: org.rootTeamId, metric: 'calls', start: today(), end: today() },
      });
      expect(contest.status, `contest ${label}`).toBe(400);
      const metric = await call('PATCH', '/org', {
        token: org.managerToken,
        body: {
          customMetrics: [{ id: 'demos', label: { en: name, zh: 'ok' }, kind: 'count' }],
        },
      });
      expect(metric.status, `metric ${label}`).toBe(400);
    }
    const fine = await call('PATCH', '/me', { token: rep.token, body: { name: 'Zoë\u200Bx 张' } });
    expect(fine.status).toBe(200);
  });
});

describe('voiding another member’s event', () => {
  it('answers 404, exactly as for an unknown id', async () => {
    const other = await addMember(org.managerToken, org.rootTeamId);
    const theirs = event();
    await call('POST', '/events', { token: other.token, body: { events: [theirs] } });
    const existing = await call('POST', `/events/${theirs.id}/void`, { token: rep.token });
    const unknown = await call('POST', `/events/${uuid()}/void`, { token: rep.token });
    expect(existing.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(existing.body.error.code).toBe(unknown.body.error.code);
    expect(existing.body.error.message).toBe(unknown.body.error.message);
    // And the event is still counted for its owner.
    const own = await call('GET', '/me/events', { token: other.token });
    expect(own.body.events[0].voided).toBe(false);
  });
});
