/**
 * A misbehaving network between the extension and the real worker: an HTTP proxy on 127.0.0.1
 * that, while faults are on, answers `POST /api/v1/events` with one fault chosen by a seeded
 * random sequence (reproducible runs): the request dropped before the server sees it, a 500 or
 * 503, a delay, or the response dropped AFTER the server committed (the worst case for
 * exactly-once: the client must resend and get `duplicate`).
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';

export type Fault =
  | 'pass'
  | 'drop-request'
  | 'status-500'
  | 'status-503'
  | 'delay'
  | 'drop-response';

/** Share of requests per fault while faults are on (the rest pass). */
const FAULT_WEIGHTS: [Fault, number][] = [
  ['drop-request', 0.1],
  ['status-500', 0.08],
  ['status-503', 0.08],
  ['delay', 0.12],
  ['drop-response', 0.12],
];
const DELAY_MS = 1_500;

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed with the same faults. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultProxy {
  readonly url: string;
  /** Faults are applied only while on (sign-in and final checks go through cleanly). */
  setFaults(on: boolean): void;
  /** How often each fault was applied. */
  readonly applied: Record<Fault, number>;
  /** Every event id the client sent in a `POST /api/v1/events` body (retries included). */
  readonly sentEventIds: Set<string>;
  /** `POST /api/v1/events` requests currently forwarded and not yet answered. */
  inFlight(): number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function eventIdsOf(body: Buffer): string[] {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { events?: { id?: unknown }[] };
    return (parsed.events ?? []).flatMap((e) => (typeof e.id === 'string' ? [e.id] : []));
  } catch {
    return [];
  }
}

export function startFaultProxy(listenPort: number, target: string, seed = 7): Promise<FaultProxy> {
  const random = seeded(seed);
  const targetUrl = new URL(target);
  const applied: Record<Fault, number> = {
    pass: 0,
    'drop-request': 0,
    'status-500': 0,
    'status-503': 0,
    delay: 0,
    'drop-response': 0,
  };
  const sentEventIds = new Set<string>();
  const sockets = new Set<Socket>();
  let faultsOn = false;
  let inFlight = 0;

  const pick = (): Fault => {
    let r = random();
    for (const [fault, weight] of FAULT_WEIGHTS) {
      if (r < weight) return fault;
      r -= weight;
    }
    return 'pass';
  };

  /** Forwards to the worker and resolves with its whole answer (status, headers, body). */
  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>(
      (resolve, reject) => {
        const upstream = httpRequest(
          {
            host: targetUrl.hostname,
            port: targetUrl.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: targetUrl.host },
          },
          async (res) => {
            try {
              resolve({
                status: res.statusCode ?? 502,
                headers: res.headers,
                body: await readBody(res),
              });
            } catch (error) {
              reject(error);
            }
          },
        );
        upstream.on('error', reject);
        upstream.end(body);
      },
    );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const isIngest = req.method === 'POST' && (req.url ?? '').startsWith('/api/v1/events');
    if (isIngest) for (const id of eventIdsOf(body)) sentEventIds.add(id);
    const fault: Fault = isIngest && faultsOn ? pick() : 'pass';
    applied[fault] += 1;
    if (fault === 'drop-request') {
      req.socket.destroy();
      return;
    }
    if (fault === 'status-500' || fault === 'status-503') {
      res.writeHead(fault === 'status-500' ? 500 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'injected', message: fault } }));
      return;
    }
    if (fault === 'delay') await new Promise((r) => setTimeout(r, DELAY_MS));
    if (isIngest) inFlight += 1;
    try {
      const answer = await forward(req, body);
      // The server has committed; the client never learns it.
      if (fault === 'drop-response') {
        req.socket.destroy();
        return;
      }
      const headers = { ...answer.headers };
      delete headers['transfer-encoding'];
      delete headers.connection;
      res.writeHead(answer.status, headers);
      res.end(answer.body);
    } catch {
      // The worker is unreachable: the client sees a dropped connection, as it would.
      req.socket.destroy();
    } finally {
      if (isIngest) inFlight -= 1;
    }
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(listenPort, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${listenPort}`,
        setFaults: (on) => {
          faultsOn = on;
        },
        applied,
        sentEventIds,
        inFlight: () => inFlight,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
