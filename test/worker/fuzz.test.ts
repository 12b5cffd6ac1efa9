/**
 * Fuzz: fast-check sends malformed JSON bodies, wrong JSON values and junk query strings and path
 * parameters to every route of the OpenAPI list. The answer is never a 5xx, and every refusal
 * carries the error shape. Bodies that are not JSON at all are always a 4xx.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../worker/openapi/document.ts';
import { addMember, call, createOrg } from './helpers.ts';

let managerToken: string;
let repToken: string;

beforeAll(async () => {
  const org = await createOrg();
  managerToken = org.managerToken;
  repToken = (await addMember(org.managerToken, org.rootTeamId)).token;
});

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
  });
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
