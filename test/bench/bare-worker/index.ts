/**
 * The benchmark baseline worker (see wrangler.toml): no auth, no validation, no idempotency
 * bookkeeping, no rollups.
 *
 * - `POST /ingest` `{memberId, events:[…]}`: the events into `bare_events` with multi-row
 *   `INSERT … ON CONFLICT DO NOTHING`, ≤ 100 bound parameters per statement, all statements of a
 *   request in one batch — what D1 itself costs for the same write.
 * - `GET /raw-board?org=|member=&start=&end=`: per member and metric totals computed straight
 *   from the raw `events` table, with D1's own meta (what boards would cost without rollups).
 * - `GET /raw-customers?member=`: a rep's due-list inputs (per customer and metric: logs and the
 *   last day) from raw events; `GET /raw-purchases?org=&start=&end=`: the customer KPIs' input
 *   (who bought from whom on which day) from raw events; both with D1's own meta.
 */
interface Meta {
  changes: number;
  rows_read: number;
  rows_written: number;
  duration: number;
}
interface Statement {
  bind(...values: unknown[]): Statement;
  all(): Promise<{ results: unknown[]; meta: Meta }>;
}
interface Env {
  DB: {
    prepare(sql: string): Statement;
    batch(statements: Statement[]): Promise<Array<{ meta: Meta }>>;
  };
}
interface BareEvent {
  id: string;
  metric: string;
  quantity: number;
  occurredAt: string;
  source?: unknown;
  contact?: unknown;
  note?: string;
}

const COLUMNS = 6;
// D1 allows 100 bound parameters per statement: 16 rows × 6 columns = 96.
const ROWS_PER_STATEMENT = Math.floor(100 / COLUMNS);

function insertStatement(env: Env, memberId: string, rows: BareEvent[]): Statement {
  const values = rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ');
  const params = rows.flatMap((e) => [
    e.id,
    memberId,
    e.metric,
    e.quantity,
    e.occurredAt,
    JSON.stringify({ source: e.source, contact: e.contact, note: e.note }),
  ]);
  return env.DB.prepare(
    `INSERT INTO bare_events (id, member_id, metric, quantity, occurred_at, details)
     VALUES ${values} ON CONFLICT (id) DO NOTHING`,
  ).bind(...params);
}

async function ingest(request: Request, env: Env): Promise<Response> {
  const body = (await request.json()) as { memberId: string; events: BareEvent[] };
  const statements: Statement[] = [];
  for (let i = 0; i < body.events.length; i += ROWS_PER_STATEMENT) {
    statements.push(
      insertStatement(env, body.memberId, body.events.slice(i, i + ROWS_PER_STATEMENT)),
    );
  }
  const results = await env.DB.batch(statements);
  // `changes` counts inserted rows (rows_written also counts index entries).
  const written = results.reduce((sum, r) => sum + r.meta.changes, 0);
  return Response.json({ written });
}

async function rawBoard(url: URL, env: Env): Promise<Response> {
  const q = (name: string) => url.searchParams.get(name) ?? '';
  // One member (progress) or the whole org (leaderboard); either way straight from raw events.
  const who = url.searchParams.has('member') ? 'member_id = ?' : 'org_id = ?';
  const { results, meta } = await env.DB.prepare(
    `SELECT member_id, metric, sum(quantity) AS total FROM events
     WHERE ${who} AND voided = 0 AND local_date BETWEEN ? AND ?
     GROUP BY member_id, metric`,
  )
    .bind(url.searchParams.get('member') ?? q('org'), q('start'), q('end'))
    .all();
  return Response.json({ results, meta });
}

async function rawCustomers(url: URL, env: Env): Promise<Response> {
  const { results, meta } = await env.DB.prepare(
    `SELECT customer_id, metric, count(*) AS logs, max(local_date) AS last_date FROM events
     WHERE member_id = ? AND customer_id IS NOT NULL AND voided = 0
     GROUP BY customer_id, metric`,
  )
    .bind(url.searchParams.get('member') ?? '')
    .all();
  return Response.json({ rows: results.length, meta });
}

async function rawPurchases(url: URL, env: Env): Promise<Response> {
  const q = (name: string) => url.searchParams.get(name) ?? '';
  const { results, meta } = await env.DB.prepare(
    `SELECT member_id, customer_id, local_date FROM events
     WHERE org_id = ? AND metric = 'deals' AND voided = 0 AND customer_id IS NOT NULL
       AND local_date BETWEEN ? AND ?
     GROUP BY member_id, customer_id, local_date`,
  )
    .bind(q('org'), q('start'), q('end'))
    .all();
  return Response.json({ rows: results.length, meta });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === 'POST' && url.pathname === '/ingest') return ingest(request, env);
    if (request.method === 'GET' && url.pathname === '/raw-board') return rawBoard(url, env);
    if (request.method === 'GET' && url.pathname === '/raw-customers')
      return rawCustomers(url, env);
    if (request.method === 'GET' && url.pathname === '/raw-purchases')
      return rawPurchases(url, env);
    return new Response('not found', { status: 404 });
  },
};
