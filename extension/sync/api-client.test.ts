/**
 * The API client against a real local HTTP server (node:http): headers sent, answers parsed with
 * the contract, and failures classified the way the sync engine relies on.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  createApi,
  isRetryable,
  NetworkError,
  normaliseServerUrl,
} from './api-client.ts';
import { makeEvent } from './fake-server.test-helper.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
let handler: Handler = (_req, res) => res.end();
let server: Server;
let base: string;

const json = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('API client', () => {
  it('posts events with the bearer token and parses the results', async () => {
    const event = makeEvent();
    let seen: { auth?: string; path?: string; body?: unknown } = {};
    handler = (req, res, body) => {
      seen = { auth: req.headers.authorization, path: req.url, body: JSON.parse(body) };
      json(res, 200, { results: [{ id: event.id, status: 'created' }] });
    };
    const answer = await createApi(base, 'secret-token').postEvents([event]);
    expect(answer.results).toEqual([{ id: event.id, status: 'created' }]);
    expect(seen).toEqual({
      auth: 'Bearer secret-token',
      path: '/api/v1/events',
      body: { events: [event] },
    });
  });

  it('sends the change token and reads 304 as "nothing new"', async () => {
    let ifNoneMatch: string | undefined;
    handler = (req, res) => {
      ifNoneMatch = req.headers['if-none-match'];
      res.writeHead(304, { etag: '"v1"' });
      res.end();
    };
    expect(await createApi(base, 't').progress('day', '"v1"')).toBeNull();
    expect(ifNoneMatch).toBe('"v1"');
  });

  it('classifies failures: 401 final, 429/5xx and network retryable', async () => {
    const failWith = async (status: number) => {
      handler = (_req, res) =>
        json(res, status, { error: { code: 'x', message: `status ${status}` } });
      return createApi(base, 't')
        .me()
        .catch((e: unknown) => e);
    };
    const unauthorized = await failWith(401);
    expect(unauthorized).toBeInstanceOf(ApiError);
    expect(unauthorized).toMatchObject({ status: 401, message: 'status 401' });
    expect(isRetryable(unauthorized)).toBe(false);
    expect(isRetryable(await failWith(429))).toBe(true);
    expect(isRetryable(await failWith(503))).toBe(true);
    expect(isRetryable(await failWith(400))).toBe(false);

    const refused = await createApi('http://127.0.0.1:1', 't')
      .me()
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NetworkError);
    expect(isRetryable(refused)).toBe(true);
  });

  it('refuses an answer that does not match the contract', async () => {
    handler = (_req, res) => json(res, 200, { results: 'nope' });
    const error = await createApi(base, 't')
      .postEvents([makeEvent()])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad_response' });
  });

  it('a void of an event the server never kept (404) counts as done', async () => {
    handler = (_req, res) => json(res, 404, { error: { code: 'not_found', message: 'no event' } });
    await expect(createApi(base, 't').voidEvent(makeEvent().id)).resolves.toBeUndefined();
  });

  it('normalises what people type as a server address', () => {
    expect(normaliseServerUrl(' https://pacer.example.com/app/ ')).toBe(
      'https://pacer.example.com',
    );
    expect(() => normaliseServerUrl('ftp://x.example')).toThrow(/https?:\/\//);
  });
});
