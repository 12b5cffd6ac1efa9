/**
 * Fuzz: fast-check sends malformed JSON bodies, wrong JSON values and junk query strings and path
 * parameters to every route of the OpenAPI list. The answer is never a 5xx, and every refusal
 * carries the error shape. Bodies that are not JSON at all are always a 4xx.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../worker/openapi/routes.ts';
import { SoftAuthenticator } from './authenticator.ts';
import { addMember, BASE, call, createOrg } from './helpers.ts';
import { sessionFromToken, withSession } from './sessions.ts';

let managerToken: string;
let repToken: string;

beforeAll(async () => {
  const org = await createOrg();
  managerToken = org.managerToken;
  repToken = (await addMember(org.managerToken, org.rootTeamId)).token;
});

/** Every operation of the served OpenAPI document (generated from the app's routes). */
const operations = Object.entries((await openApiDocument()).paths).flatMap(([path, methods]) =>
  Object.entries(methods ?? {}).map(([method, op]) => ({
    method,
    path,
    body: typeof op === 'object' && op !== null && 'requestBody' in op,
  })),
);

// Signing out with the fuzzing token would end the fuzzing.
const fuzzed = operations.filter((op) => op.path !== '/api/v1/me/token');

const pathSegment = fc.oneof(
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 80 }),
  fc.constantFrom('%', '%00', '..', '%E0%A4%A', 'null', '0', 'x'.repeat(300)),
);
const queryValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '-1', '1e309', 'NaN', '2026-02-30', 'week', 'month', '[]', '%zz'),
);
const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('period', 'date', 'team', 'member', 'metric', 'by', 'limit'),
        fc.string({ minLength: 1, maxLength: 10 }),
      ),
      queryValue,
    ),
    { maxLength: 5 },
  )
  .map((pairs) =>
    pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
  );
/** Text that is not JSON (or is cut off mid-document). */
const notJson = fc.oneof(
  fc.string({ maxLength: 200 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
  fc
    .json()
    .map((s) => s.slice(0, Math.max(1, s.length - 1)))
    .filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    }),
);
/** Valid JSON of the wrong shape: any value, or objects with plausible keys and junk values. */
const wrongJson = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .dictionary(
      fc.constantFrom(
        'events',
        'name',
        'timezone',
        'currency',
        'manager',
        'code',
        'email',
        'teamId',
        'role',
        'scope',
        'memberId',
        'metric',
        'period',
        'value',
        'split',
        'curve',
        'parentId',
        'calendar',
        'tiers',
        'privacy',
      ),
      fc.jsonValue(),
    )
    .map((v) => JSON.stringify(v)),
  fc
    .array(
      fc.dictionary(
        fc.constantFrom('id', 'metric', 'quantity', 'occurredAt', 'source'),
        fc.jsonValue(),
      ),
      {
        minLength: 1,
        maxLength: 5,
      },
    )
    .map((events) => JSON.stringify({ events })),
);

function buildPath(template: string, segments: string[]): string {
  let i = 0;
  return template
    .replace('/api/v1', '')
    .replace(/\{\w+\}/g, () => encodeURIComponent(segments[i++] ?? 'x'));
}

async function expectClean(res: { status: number; body: unknown }, context: string) {
  expect(res.status, context).toBeLessThan(500);
  if (res.status >= 400) {
    const error = (res.body as { error?: { code?: unknown; message?: unknown } }).error;
    expect(typeof error?.code, context).toBe('string');
    expect(typeof error?.message, context).toBe('string');
  }
}

describe.each(fuzzed)('$method $path', (op) => {
  it('never answers 5xx to junk bodies, queries and path parameters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(pathSegment, { minLength: 2, maxLength: 2 }),
        queryString,
        fc.oneof(
          notJson.map((b) => ({ kind: 'broken', b })),
          wrongJson.map((b) => ({ kind: 'json', b })),
        ),
        fc.constantFrom('manager', 'rep'),
        async (segments, query, body, who) => {
          const path = `${buildPath(op.path, segments)}${query ? `?${query}` : ''}`;
          const hasBody = op.method !== 'get' && op.method !== 'delete';
          const res = await call(op.method.toUpperCase(), path, {
            token: who === 'manager' ? managerToken : repToken,
            ...(hasBody ? { rawBody: body.b } : {}),
          });
          const context = `${op.method} ${path} ${hasBody ? body.b.slice(0, 200) : ''}`;
          await expectClean(res, context);
          if (hasBody && body.kind === 'broken' && op.body) {
            expect(res.status, context).toBeGreaterThanOrEqual(400);
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('raw malformed URLs', () => {
  it('never answers 5xx to broken percent-encoding in paths and queries', async () => {
    const broken = ['%', '%E0%A4%A', '%zz', '%00', '%C0%AF', '%ED%A0%80'];
    for (const op of fuzzed) {
      for (const junk of broken) {
        const path = `${op.path.replace('/api/v1', '').replace(/\{\w+\}/g, junk)}?period=${junk}&team=${junk}&limit=${junk}`;
        const res = await call(op.method.toUpperCase(), path, { token: managerToken });
        await expectClean(res, `${op.method} ${path}`);
      }
    }
  }, 120_000); // every route × six junk values, one after another
});

describe('junk headers', () => {
  it('never answers 5xx to junk authorization or content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 100 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'application/json; charset=utf-16',
        ),
        async (auth, type) => {
          const res = await call('POST', '/events', {
            headers: { authorization: auth, 'content-type': type },
            rawBody: '{"events":[]}',
          });
          await expectClean(res, `${auth} ${type}`);
          expect(res.status).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: 40 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile values in well-formed requests: each route gets a valid body (or query) with one to
// three fields swapped for a hostile value, so the values reach the rules behind validation:
// numbers past any range (±1e308, 2^53 ± 1, and Infinity via JSON text like 1e999, the one way
// JSON can carry a non-finite number), dates far outside the calendar, ids named like
// JavaScript's own properties, and spreadsheet formula starters and separators in text. Every
// answer is below 500, and every request answers within its time (a hang fails, not stalls).

const REQUEST_MS = 10_000;

async function within<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: no answer in ${REQUEST_MS} ms`)),
      REQUEST_MS,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A number written into the JSON text as is (`1e999` parses to Infinity). */
class RawNumber {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

const HOSTILE_NUMBERS = [
  1e308,
  -1e308,
  2 ** 53 - 1,
  2 ** 53 + 1,
  -(2 ** 53 + 1),
  5e-324,
  -1,
  0,
  new RawNumber('1e999'),
  new RawNumber('-1e999'),
  new RawNumber('9007199254740993'),
];
const HOSTILE_DATES = [
  '9999-12-31',
  '9999-01-01',
  '0000-01-01',
  '1969-12-31',
  '2200-01-01',
  '2199-12-31',
  '2000-01-01',
];
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueof', 'prototype'];
const FORMULAS = [
  'ok;=HYPERLINK("https://evil.example","x")',
  '=1+1',
  '+1',
  '-1',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  'a,b;c\n=d',
  '"quoted", "and;more"',
  '\u200B',
  'a\u0000b',
];
const hostileValue = fc.oneof(
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(...HOSTILE_DATES),
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.constantFrom(...FORMULAS),
  fc.constantFrom(
    `${HOSTILE_DATES[0]}T00:00:00Z`,
    '+275760-09-13T00:00:00.000Z',
    '9999-12-31T23:59:59+14:00',
  ),
);

function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v instanceof RawNumber) {
      raws.push(v.text);
      return `@@raw${raws.length - 1}@@`;
    }
    return v;
  });
  return text.replace(/"@@raw(\d+)@@"/g, (_m, i) => raws[Number(i)] ?? '0');
}

type Json = unknown;
/** Every path to a leaf (and to each object, to add a hostile key) in a template. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => paths(v, [...at, i]));
  if (value !== null && typeof value === 'object') {
    return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  }
  return [at];
}

/**
 * `body` (changed in place) with the value at `path` replaced, or, for an object, a key added.
 * A path that an earlier change cut off leaves the body as it is.
 */
function mutate(body: Json, path: (string | number)[], hostile: unknown, key: string): Json {
  if (path.length === 0) return hostile;
  const copy = body;
  const isObject = (v: unknown): v is Record<string | number, unknown> =>
    v !== null && typeof v === 'object';
  let node: unknown = copy;
  for (const step of path.slice(0, -1)) {
    if (!isObject(node)) return copy;
    node = node[step];
  }
  if (!isObject(node)) return copy;
  const last = path.at(-1) as string | number;
  const target = node[last];
  if (isObject(target) && !Array.isArray(target)) {
    // Defined as an own property, as JSON.parse would (a plain assignment of __proto__ would not).
    Object.defineProperty(target, key, {
      value: hostile,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    node[last] = hostile;
  }
  return copy;
}

interface World {
  managerToken: string;
  repToken: string;
  rootTeamId: string;
  subTeamId: string;
  repId: string;
  contestId: string;
  inviteCode: string;
  /** A sign-in link's code (spent by the template's own call; the hostile runs need no live one). */
  signinCode: string;
  chatChannelId: string;
  /** Two of the rep's customers, and a log of the first (to split off). */
  customerId: string;
  otherCustomerId: string;
  customerLogId: string;
  /** The rep's won deal, of the org's product category `software`. */
  dealLogId: string;
  /** A real passkey registration answer, and the fresh page session it is for. */
  passkeyRegistration: Json;
  sessionHeaders: Record<string, string>;
  /** A real passkey sign-in answer (to a live challenge). */
  passkeySignin: Json;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A valid body per route (path as in the OpenAPI list, method), the path's ids and any header the
 * route needs to get past its checks (the sign-in link's confirmation comes from the page's origin).
 */
function templates(w: World): Record<
  string,
  // `sessionOnly`: the route takes the page's cookie session, not a bearer token.
  { body?: Json; ids?: string[]; headers?: Record<string, string>; sessionOnly?: boolean }
> {
  return {
    'post /api/v1/orgs': {
      body: {
        name: 'Org',
        timezone: 'UTC',
        currency: 'EUR',
        manager: { name: 'M', email: 'm@example.com' },
      },
    },
    'patch /api/v1/org': {
      body: {
        name: 'Org',
        points: { calls: 2 },
        dailyPointsGoal: 20,
        customMetrics: [
          { id: 'demos', label: { en: 'Demos', zh: 'Demos' }, kind: 'count', points: 1 },
        ],
        funnel: { avgDealSize: 1000, meetingToDeal: 0.5, visitToMeeting: 0.5, leadToVisit: 0.5 },
        tiers: {
          period: 'month',
          ladder: [{ id: 'base', threshold: 80, name: { en: 'B', zh: 'B' }, reward: '' }],
        },
        calendar: { timezone: 'UTC', holidays: [today()], cycleAnchor: '2024-01-01' },
        announcements: { dealAmountAtLeast: 1000, tierReached: true, streakRecord: true },
      },
    },
    'post /api/v1/invites': { body: { teamId: w.subTeamId, role: 'rep', expiresInHours: 24 } },
    'post /api/v1/join': {
      body: { code: w.inviteCode, name: 'New', email: 'new@example.com', timezone: 'UTC' },
    },
    'patch /api/v1/me': { body: { name: 'Rep', timezone: 'UTC' } },
    'post /api/v1/teams': { body: { name: 'Team', parentId: w.rootTeamId } },
    'patch /api/v1/teams/{id}': { body: { name: 'Team' }, ids: [w.subTeamId] },
    'patch /api/v1/members/{id}': { body: { name: 'Rep', teamId: w.subTeamId }, ids: [w.repId] },
    'post /api/v1/events': {
      body: {
        events: [
          {
            id: crypto.randomUUID(),
            metric: 'calls',
            quantity: 1,
            occurredAt: new Date(Date.now() - 60_000).toISOString(),
            source: { app: 'gmail', url: 'https://mail.example/x', title: 'Subject' },
            contact: { name: 'Ann', email: 'ann@example.com' },
            note: 'note',
          },
        ],
      },
    },
    'put /api/v1/targets': {
      body: {
        scope: 'team',
        teamId: w.rootTeamId,
        metric: 'calls',
        period: { kind: 'month', start: `${today().slice(0, 8)}01` },
        value: 100,
        curve: [
          { days: 0.5, weight: 0.5 },
          { days: 0.5, weight: 0.5 },
        ],
        split: { mode: 'weights', weights: { [w.repId]: 1 } },
      },
    },
    'post /api/v1/targets/reopenings': {
      body: { teamId: w.rootTeamId, start: '2026-01-01', end: '2026-01-31', reason: 'Q1 review' },
    },
    // The world has a visits target for this year (its months are open to a re-spread).
    'post /api/v1/targets/respread': {
      body: {
        teamId: w.rootTeamId,
        metric: 'visits',
        period: { kind: 'year', start: `${today().slice(0, 4)}-01-01` },
      },
    },
    'put /api/v1/quotas': {
      body: {
        scope: 'team',
        teamId: w.rootTeamId,
        metric: 'visits',
        per: 'workday',
        value: 5,
        from: today(),
      },
    },
    'put /api/v1/me/goals': {
      body: { period: { kind: 'month', start: `${today().slice(0, 8)}01` }, value: 100 },
    },
    'post /api/v1/contests': {
      body: {
        name: 'Contest',
        teamId: w.rootTeamId,
        metric: 'calls',
        start: today(),
        end: today(),
        prize: 'Cake',
      },
    },
    'patch /api/v1/contests/{id}': {
      body: { name: 'Contest', prize: 'Cake', end: today() },
      ids: [w.contestId],
    },
    'post /api/v1/tv-links': { body: { teamId: w.rootTeamId } },
    'post /api/v1/chat/channels': {
      body: {
        teamId: w.rootTeamId,
        platform: 'slack',
        name: 'Sales',
        language: 'en',
        webhookUrl: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXX',
      },
    },
    'patch /api/v1/chat/channels/{id}': {
      body: { name: 'Sales', language: 'zh', paused: true },
      ids: [w.chatChannelId],
    },
    'post /api/v1/session/signin': { body: { code: w.signinCode }, headers: { origin: BASE } },
    'post /api/v1/passkeys': {
      body: { response: w.passkeyRegistration },
      headers: w.sessionHeaders,
      sessionOnly: true,
    },
    'post /api/v1/passkeys/signin': {
      body: { response: w.passkeySignin },
      headers: { origin: BASE },
    },
    'patch /api/v1/customers/{id}': { body: { name: 'Acme', class: 'A' }, ids: [w.customerId] },
    'post /api/v1/customers/{id}/merge': {
      body: { from: [w.otherCustomerId] },
      ids: [w.customerId],
    },
    'post /api/v1/customers/{id}/split': {
      body: { events: [w.customerLogId], name: 'Acme Labs' },
      ids: [w.customerId],
    },
    'patch /api/v1/events/{id}/category': { body: { category: 'software' }, ids: [w.dealLogId] },
    // Two days ago: a day that has begun everywhere, so the reflection is on a real period.
    'put /api/v1/reviews/reflection': {
      body: {
        period: {
          kind: 'day',
          start: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10),
        },
        worked: 'Calls in the morning',
        change: 'Fewer meetings',
        focus: 'Visits',
      },
    },
  };
}

const QUERY_KEYS = [
  'date',
  'from',
  'to',
  'team',
  'member',
  'metric',
  'by',
  'period',
  'group',
  'limit',
  'since',
];

/**
 * Real passkey answers (test/worker/authenticator.ts) for the templates: a registration for a
 * fresh page session of `token`'s member, and a sign-in with a passkey registered before.
 */
async function passkeyAnswers(token: string) {
  const session = await sessionFromToken(token);
  const registered = await SoftAuthenticator.create();
  const first = await withSession(session, 'POST', '/passkeys/register/options');
  const stored = await withSession(session, 'POST', '/passkeys', {
    body: { response: await registered.register(first.body.options, BASE) },
  });
  expect(stored.status, JSON.stringify(stored.body)).toBe(201);
  const signinOptions = await call('POST', '/passkeys/signin/options', {
    headers: { origin: BASE },
  });
  const second = await withSession(session, 'POST', '/passkeys/register/options');
  const fresh = await SoftAuthenticator.create();
  return {
    passkeyRegistration: (await fresh.register(second.body.options, BASE)) as unknown as Json,
    sessionHeaders: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: BASE },
    passkeySignin: (await registered.signIn(signinOptions.body.options, BASE)) as unknown as Json,
  };
}

describe('hostile values in well-formed requests', () => {
  let w: World;

  beforeAll(async () => {
    const org = await createOrg({ timezone: 'UTC' });
    const subTeamId = (
      await call('POST', '/teams', {
        token: org.managerToken,
        body: { name: 'Sub', parentId: org.rootTeamId },
      })
    ).body.team.id as string;
    const rep = await addMember(org.managerToken, subTeamId, { timezone: 'UTC' });
    await call('PUT', '/targets', {
      token: org.managerToken,
      body: {
        scope: 'team',
        teamId: org.rootTeamId,
        metric: 'visits',
        period: { kind: 'year', start: `${today().slice(0, 4)}-01-01` },
        value: 1_000,
      },
    });
    const contest = await call('POST', '/contests', {
      token: org.managerToken,
      body: { name: 'C', teamId: org.rootTeamId, metric: 'calls', start: today(), end: today() },
    });
    const chat = await call('POST', '/chat/channels', {
      token: org.managerToken,
      body: {
        teamId: org.rootTeamId,
        platform: 'wecom',
        name: 'C',
        language: 'zh',
        webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      },
    });
    const categories = await call('PATCH', '/org', {
      token: org.managerToken,
      body: { productCategories: [{ id: 'software', name: 'Software' }] },
    });
    expect(categories.status, JSON.stringify(categories.body)).toBe(200);
    const dealLogId = crypto.randomUUID();
    const deal = await call('POST', '/events', {
      token: rep.token,
      body: {
        events: [
          {
            id: dealLogId,
            metric: 'deals',
            quantity: 1,
            amount: 100_000,
            category: 'software',
            occurredAt: new Date(Date.now() - 60_000).toISOString(),
          },
        ],
      },
    });
    expect(deal.status, JSON.stringify(deal.body)).toBeLessThan(300);
    const customerLogId = crypto.randomUUID();
    await call('POST', '/events', {
      token: rep.token,
      body: {
        events: [
          { id: customerLogId, contact: { email: 'a@acme.example' } },
          { id: crypto.randomUUID(), contact: { email: 'a@acme.example' } },
          { id: crypto.randomUUID(), contact: { email: 'b@globex.example' } },
        ].map((e) => ({
          ...e,
          metric: 'calls',
          quantity: 1,
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
        })),
      },
    });
    const customers = (await call('GET', '/customers', { token: rep.token })).body.customers as {
      id: string;
      key: string;
    }[];
    const customerOf = (key: string) => customers.find((c) => c.key === key)?.id ?? '';
    w = {
      customerId: customerOf('domain:acme.example'),
      otherCustomerId: customerOf('domain:globex.example'),
      customerLogId,
      dealLogId,
      managerToken: org.managerToken,
      repToken: rep.token,
      rootTeamId: org.rootTeamId,
      subTeamId,
      repId: rep.id,
      contestId: contest.body.contest.id,
      chatChannelId: chat.body.channel.id,
      inviteCode: org.inviteCode,
      signinCode: (await call('POST', '/session/codes', { token: rep.token })).body.code,
      ...(await passkeyAnswers(rep.token)),
    };
  });

  const withBody = fuzzed.filter((op) => op.body);
  const realId = (path: string) =>
    path.includes('/members/')
      ? w.repId
      : path.includes('/chat/')
        ? w.chatChannelId
        : path.includes('/customers/')
          ? w.customerId
          : path.includes('/events/')
            ? w.dealLogId
            : w.contestId;

  it('has a valid template for every route with a body', () => {
    const known = Object.keys(
      templates({
        managerToken: '',
        repToken: '',
        rootTeamId: '',
        subTeamId: '',
        repId: '',
        contestId: '',
        chatChannelId: '',
        customerId: '',
        otherCustomerId: '',
        customerLogId: '',
        dealLogId: '',
        inviteCode: '',
        signinCode: '',
        passkeyRegistration: {},
        sessionHeaders: {},
        passkeySignin: {},
      }),
    );
    expect(withBody.map((op) => `${op.method} ${op.path}`).sort()).toEqual(known.sort());
  });

  it.each(withBody)('$method $path: hostile fields never give a 5xx or a hang', async (op) => {
    const key = `${op.method} ${op.path}`;
    const template = templates(w)[key];
    if (!template) throw new Error(`no template for ${key}`);
    // The template itself is accepted: the hostile runs below differ from a success in a field.
    const valid = await call(op.method.toUpperCase(), buildPath(op.path, template.ids ?? []), {
      ...(template.sessionOnly ? {} : { token: w.managerToken }),
      body: template.body,
      ...(template.headers ? { headers: template.headers } : {}),
    });
    expect(valid.status, `${key} ${JSON.stringify(valid.body)}`).toBeLessThan(400);
    const leaves = paths(template.body);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.nat(leaves.length - 1),
            hostileValue,
            fc.constantFrom(...PROTOTYPE_NAMES, 'x'),
          ),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        fc.constantFrom('manager', 'rep'),
        async (changes, who) => {
          let body = structuredClone(template.body);
          for (const [i, hostile, newKey] of changes)
            body = mutate(body, leaves[i] ?? [], hostile, newKey);
          const raw = toJsonText(body);
          const path = buildPath(op.path, template.ids ?? []);
          const res = await within(
            call(op.method.toUpperCase(), path, {
              ...(template.sessionOnly
                ? {}
                : { token: who === 'manager' ? w.managerToken : w.repToken }),
              rawBody: raw,
              ...(template.headers ? { headers: template.headers } : {}),
            }),
            `${key} ${raw.slice(0, 200)}`,
          );
          await expectClean(res, `${key} ${raw.slice(0, 300)}`);
        },
      ),
      { numRuns: 25 },
    );
  });

  it.each(fuzzed.filter((op) => op.method === 'get'))(
    'GET $path: hostile query values never give a 5xx or a hang',
    async (op) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), hostileValue), {
            minLength: 1,
            maxLength: 3,
          }),
          fc.constantFrom(...PROTOTYPE_NAMES, 'real'),
          async (pairs, segment) => {
            const ids = segment === 'real' ? [realId(op.path)] : [segment];
            const query = new URLSearchParams(
              pairs.map(([k, v]) => [k, v instanceof RawNumber ? v.text : String(v)]),
            );
            if (!query.has('team')) query.set('team', w.rootTeamId);
            const path = `${buildPath(op.path, ids)}?${query}`;
            const res = await within(call('GET', path, { token: w.managerToken }), path);
            await expectClean(res, path);
          },
        ),
        { numRuns: 15 },
      );
    },
  );

  it('every read still answers after the hostile writes', async () => {
    for (const op of fuzzed.filter((o) => o.method === 'get')) {
      const path = `${buildPath(op.path, [realId(op.path)])}?team=${w.rootTeamId}&from=${today()}&to=${today()}&metric=calls`;
      for (const token of [w.managerToken, w.repToken]) {
        const res = await within(call('GET', path, { token }), path);
        await expectClean(res, path);
      }
    }
  });
});
