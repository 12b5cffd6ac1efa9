/**
 * A local stand-in for the chat platforms' webhooks: `npm start` points the demo org's channels
 * here and prints what each one got; the worker tests read what arrived and make it fail on
 * purpose. It answers each webhook path the way its platform does on success (`/wecom…` and
 * `/dingtalk…` `{"errcode":0}`, `/feishu…` `{"code":0}`, `/slack…` `ok`, `/teams…` 202).
 *
 * Control (the tests): `POST /_control/fail?path=/x&times=N` makes the next N posts to /x answer
 * 500; `GET /_control/received?path=/x` lists what /x got.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface Received {
  path: string;
  query: Record<string, string>;
  body: unknown;
  at: string;
}

export interface ChatReceiver {
  url: string;
  received(path: string): Received[];
  stop(): Promise<void>;
}

function success(path: string): { status: number; type: string; body: string } {
  if (path.startsWith('/wecom') || path.startsWith('/dingtalk')) {
    return { status: 200, type: 'application/json', body: '{"errcode":0,"errmsg":"ok"}' };
  }
  if (path.startsWith('/feishu')) {
    return { status: 200, type: 'application/json', body: '{"code":0,"msg":"success","data":{}}' };
  }
  if (path.startsWith('/teams')) return { status: 202, type: 'text/plain', body: '' };
  return { status: 200, type: 'text/plain', body: 'ok' };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

export async function startChatReceiver(
  options: { port?: number; print?: (line: string) => void } = {},
): Promise<ChatReceiver> {
  const log = new Map<string, Received[]>();
  const failures = new Map<string, number>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (url.pathname === '/_control/fail' && req.method === 'POST') {
      failures.set(url.searchParams.get('path') ?? '/', Number(url.searchParams.get('times') ?? 1));
      return send(204, 'text/plain', '');
    }
    if (url.pathname === '/_control/received') {
      const list = log.get(url.searchParams.get('path') ?? '/') ?? [];
      return send(200, 'application/json', JSON.stringify(list));
    }
    const text = await readBody(req);
    if (req.method !== 'POST') return send(405, 'text/plain', 'POST only');
    const left = failures.get(url.pathname) ?? 0;
    if (left > 0) {
      failures.set(url.pathname, left - 1);
      return send(500, 'text/plain', 'failing on purpose');
    }
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // kept as text
    }
    const entry: Received = {
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      at: new Date().toISOString(),
    };
    log.set(url.pathname, [...(log.get(url.pathname) ?? []), entry]);
    options.print?.(`chat ${url.pathname}${url.search} ← ${JSON.stringify(body)}`);
    const ok = success(url.pathname);
    return send(ok.status, ok.type, ok.body);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  server.unref();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received: (path) => log.get(path) ?? [],
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
