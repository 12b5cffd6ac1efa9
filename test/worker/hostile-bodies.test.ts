/**
 * Hostile request bodies never cost a 5xx: deeply nested JSON, huge arrays, oversized bodies sent
 * without a length (streamed), on authenticated and public routes. (Plain oversized bodies, 501
 * events, malformed JSON and bad tokens are in contract.test.ts, events.test.ts, authz.test.ts.)
 */
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { BASE, call, createOrg, event, expectErrorShape, freshIp } from './helpers.ts';

const DEPTH = 10_000;
const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** A body the client streams in chunks, with no content-length to check up front. */
function streamedBody(totalBytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}

describe('hostile bodies', () => {
  it(`answers ${DEPTH}-level nested JSON with 400`, async () => {
    const org = await createOrg();
    for (const rawBody of [
      nestedArrays(DEPTH),
      nestedObjects(DEPTH),
      `{"events":${nestedArrays(DEPTH)}}`,
    ]) {
      const res = await call('POST', '/events', { token: org.managerToken, rawBody });
      expect(res.status, rawBody.slice(0, 40)).toBe(400);
      expectErrorShape(res.body);
    }
    const publicRes = await call('POST', '/orgs', { rawBody: nestedObjects(DEPTH) });
    expect(publicRes.status).toBe(400);
    expectErrorShape(publicRes.body);
  });

  it('drops unknown nested fields inside an event instead of storing them', async () => {
    const org = await createOrg();
    const logged = event({ contact: { name: 'Ada' } });
    const withJunk = `${JSON.stringify(logged).slice(0, -1)},"extra":${nestedObjects(DEPTH)}}`;
    const res = await call('POST', '/events', {
      token: org.managerToken,
      rawBody: `{"events":[${withJunk}]}`,
    });
    expect(res.status).toBe(200);
    const stored = await call('GET', '/me/events', { token: org.managerToken });
    expect(stored.body.events).toHaveLength(1);
    expect(stored.body.events[0].contact).toEqual({ name: 'Ada' });
    expect(JSON.stringify(stored.body)).not.toContain('extra');
  });

  it('answers huge arrays under the size limit with 400, not a crash or a slow death', async () => {
    const org = await createOrg();
    // ~600 KB: 200,000 tiny elements where at most 500 events are allowed.
    const numbers = `{"events":[${Array.from({ length: 200_000 }, () => '0').join(',')}]}`;
    const started = Date.now();
    const res = await call('POST', '/events', { token: org.managerToken, rawBody: numbers });
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    // Validation errors list what is wrong; they must not echo 200,000 issues back.
    expect(JSON.stringify(res.body).length).toBeLessThan(100_000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a streamed body over 1 MB (no content-length) with 413', async () => {
    const org = await createOrg();
    for (const [path, token] of [
      ['/events', org.managerToken],
      ['/orgs', undefined],
    ] as const) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'cf-connecting-ip': freshIp(),
      };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await SELF.fetch(`${BASE}/api/v1${path}`, {
        method: 'POST',
        headers,
        body: streamedBody(2_000_000),
        // @ts-expect-error: workerd's fetch needs this for a streamed request body
        duplex: 'half',
      });
      expect(res.status, path).toBe(413);
      expectErrorShape(await res.json());
    }
  });

  it('treats a token-shaped string of another kind, or binary garbage, as 401', async () => {
    for (const token of [`pcr_${'%'.repeat(43)}`, `pcr_${'/'.repeat(43)}`, 'Bearer x', '"', '']) {
      const res = await call('GET', '/me', { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, JSON.stringify(token)).toBe(401);
      expectErrorShape(res.body);
    }
  });
});
