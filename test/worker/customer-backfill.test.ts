/**
 * The one-off linking of logs stored before customers existed (worker/customers/backfill.ts): the
 * same logs are sent through ingest by one rep (what ingest makes of them) and stored the old way
 * (no customer) for another; walked in small steps, the old logs end with the same customers,
 * rollups and due states as ingest made, and walking again changes nothing.
 */
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backfillCustomers } from '../../worker/customers/backfill.ts';
import { getDb } from '../../worker/db/client.ts';
import type { Env } from '../../worker/env.ts';
import worker from '../../worker/index.ts';
import { addMember, call, createOrg, event, uuid } from './helpers.ts';

const workerEnv = env as unknown as Env;
const db = () => getDb(workerEnv);
const TZ = 'Asia/Shanghai';
const at = (date: string) => `${date}T12:00:00+08:00`;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  // Friday Oct 16 2026, noon in Shanghai.
  vi.setSystemTime(new Date('2026-10-16T04:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

/** The logs both reps have: every kind of evidence, won deals, one undone, one naming nobody. */
function history(): Record<string, unknown>[] {
  const mail = (email: string, date: string, extra: Record<string, unknown> = {}) =>
    event({
      source: { app: 'gmail', url: `https://mail.google.com/mail/u/0/#inbox/${uuid()}` },
      contact: { email, name: 'Ada' },
      occurredAt: at(date),
      ...extra,
    });
  return [
    mail('ada@acme.example', '2026-09-14', { metric: 'visits' }),
    mail('bob@acme.example', '2026-10-12', { metric: 'calls' }),
    mail('bob@acme.example', '2026-10-13', { metric: 'deals', amount: 50_000 }),
    mail('ada@acme.example', '2026-10-13', { metric: 'emails' }),
    mail('li@qq.com', '2026-10-05'),
    mail('li@qq.com', '2026-10-15', { metric: 'visits' }),
    event({
      source: { app: 'crm', url: 'https://acme.pipedrive.com/person/42' },
      contact: { name: 'Linus' },
      metric: 'deals',
      occurredAt: at('2026-08-20'),
    }),
    event({
      source: { app: 'crm', url: 'https://acme.pipedrive.com/person/42' },
      metric: 'deals',
      occurredAt: at('2026-10-14'),
    }),
    event({ contact: { name: 'Walk-in' }, metric: 'visits', occurredAt: at('2026-10-09') }),
    event({ source: { app: 'sidebar' }, occurredAt: at('2026-10-15') }),
  ];
}

async function ingest(token: string, events: Record<string, unknown>[]) {
  const res = await call('POST', '/events', { token, body: { events } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  for (const r of res.body.results) expect(r.status, JSON.stringify(r)).toBe('created');
}

/**
 * A member's customers and every customer rollup, keyed by identity (ids differ per rep); rows
 * an undo left at 0 count nothing and are left out.
 */
async function snapshot(memberId: string) {
  const q = async (sql: string) =>
    (await env.DB.prepare(sql).bind(memberId).all()).results as Record<string, unknown>[];
  return {
    customers: await q(
      `SELECT key, name, class, since FROM customers WHERE owner_id = ?1 ORDER BY key`,
    ),
    keys: await q(
      `SELECT k.key, c.key AS customer FROM customer_keys k JOIN customers c ON c.id = k.customer_id
       WHERE k.owner_id = ?1 ORDER BY k.key`,
    ),
    metrics: await q(
      `SELECT c.key, m.metric, m.logs, m.last_date FROM customer_metrics m
       JOIN customers c ON c.id = m.customer_id WHERE c.owner_id = ?1 AND m.logs > 0 ORDER BY 1, 2`,
    ),
    contacts: await q(
      `SELECT c.key, k.local_date, k.metric, k.logs FROM customer_contacts k
       JOIN customers c ON c.id = k.customer_id WHERE c.owner_id = ?1 AND k.logs > 0
       ORDER BY 1, 2, 3`,
    ),
    days: await q(
      `SELECT c.key, d.local_date, d.deals, d.revenue FROM customer_days d
       JOIN customers c ON c.id = d.customer_id WHERE c.owner_id = ?1 AND d.deals > 0
       ORDER BY 1, 2`,
    ),
    firsts: await q(
      `SELECT c.key, f.first_date FROM customer_firsts f
       JOIN customers c ON c.id = f.customer_id WHERE c.owner_id = ?1 ORDER BY 1`,
    ),
    rollups: await q(
      `SELECT local_date, metric, total, events FROM rollups WHERE member_id = ?1 ORDER BY 1, 2`,
    ),
  };
}

async function dueStates(token: string) {
  const res = await call('GET', '/customers', { token });
  expect(res.status).toBe(200);
  return (res.body.customers as { key: string; logs: number; due: unknown }[])
    .map((c) => ({ key: c.key, logs: c.logs, due: c.due }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

describe('linking logs stored before customers existed', () => {
  it('makes what ingest makes, in steps of any size, and changes nothing when run again', async () => {
    const org = await createOrg({ timezone: TZ, currency: 'CNY' });
    const now = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const old = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const logs = history();
    // The rep whose logs went through ingest with customers, one undone afterwards.
    await ingest(now.token, logs);
    const undone = logs[3]?.id as string;
    expect((await call('POST', `/events/${undone}/void`, { token: now.token })).status).toBe(200);
    // The same logs stored the old way for the other rep: copied row for row without a customer
    // (the metric rollups count them, as they did before customers existed).
    await env.DB.prepare(
      `INSERT INTO events (id, org_id, member_id, metric, quantity, amount, amount_metric,
                           occurred_at, local_date, evidence, details, created_at, voided, voided_at)
       SELECT lower(hex(randomblob(16))), org_id, ?2, metric, quantity, amount, amount_metric,
              occurred_at, local_date, evidence, details, created_at, 0, NULL
       FROM events WHERE member_id = ?1 ORDER BY occurred_at`,
    )
      .bind(now.id, old.id)
      .run();
    // …and the undone one undone there too (the rollup triggers take it off again).
    await env.DB.prepare(
      `UPDATE events SET voided = 1 WHERE member_id = ?1
         AND details = (SELECT details FROM events WHERE id = ?2)`,
    )
      .bind(old.id, undone)
      .run();
    const before = await snapshot(old.id);
    expect(before.customers).toEqual([]);
    expect(before.rollups).toEqual((await snapshot(now.id)).rollups);

    // Walk from the start (other tests of this file's database may have walked already).
    await env.DB.prepare("DELETE FROM backfills WHERE name = 'customers'").run();
    const total = (await env.DB.prepare('SELECT count(*) AS n FROM events').first<{ n: number }>())
      ?.n as number;
    let steps = 0;
    let seen = 0;
    let linked = 0;
    for (;;) {
      const step = await backfillCustomers(db(), workerEnv.DB, 3);
      steps++;
      seen += step.seen;
      linked += step.linked;
      if (step.done) break;
      expect(step.seen).toBe(3);
    }
    expect(seen).toBe(total);
    expect(steps).toBe(Math.floor(total / 3) + 1);
    // 10 logs: one undone, one naming nobody.
    expect(linked).toBe(8);

    const made = await snapshot(old.id);
    const reference = await snapshot(now.id);
    expect(made).toEqual(reference);
    expect(made.customers.map((c) => [c.key, c.since])).toEqual([
      ['contact:walk-in', '2026-10-09'],
      ['crm:pipedrive:acme:person:42', '2026-08-20'],
      ['domain:acme.example', '2026-09-14'],
      ['email:li@qq.com', '2026-10-05'],
    ]);
    expect(await dueStates(old.token)).toEqual(await dueStates(now.token));
    const progress = await env.DB.prepare(
      "SELECT seen, linked, done FROM backfills WHERE name = 'customers'",
    ).first();
    expect(progress).toEqual({ seen: total, linked: 8, done: 1 });

    // Done: a step reads the state row and stops.
    expect(await backfillCustomers(db(), workerEnv.DB, 3)).toEqual({
      seen: 0,
      linked: 0,
      done: true,
    });
    // Walked again from the start (a lost state row): nothing is linked or made twice.
    await env.DB.prepare("DELETE FROM backfills WHERE name = 'customers'").run();
    for (;;) {
      const step = await backfillCustomers(db(), workerEnv.DB, 4);
      expect(step.linked).toBe(0);
      if (step.done) break;
    }
    expect(await snapshot(old.id)).toEqual(made);
    expect(await snapshot(now.id)).toEqual(reference);
  });

  it('runs from the cron tick, and a later log of a linked identity lands on the same customer', async () => {
    const org = await createOrg({ timezone: TZ, currency: 'CNY' });
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    await env.DB.prepare(
      `INSERT INTO events (id, org_id, member_id, metric, quantity, occurred_at, local_date,
                           evidence, details, created_at)
       VALUES (?1, ?2, ?3, 'visits', 1, '2026-10-12T04:00:00.000Z', '2026-10-12', 0,
               '{"contact":{"email":"x@globex.example"}}', '2026-10-12T04:00:00.000Z')`,
    )
      .bind(uuid(), org.orgId, rep.id)
      .run();
    await env.DB.prepare("DELETE FROM backfills WHERE name = 'customers'").run();
    await worker.scheduled({ scheduledTime: Date.now() }, workerEnv);
    await ingest(rep.token, [
      event({
        contact: { email: 'y@globex.example' },
        metric: 'calls',
        occurredAt: at('2026-10-15'),
      }),
    ]);
    expect(await dueStates(rep.token)).toEqual([
      {
        key: 'domain:globex.example',
        logs: 2,
        due: expect.objectContaining({ state: 'none', lastContact: '2026-10-15' }),
      },
    ]);
  });
});
