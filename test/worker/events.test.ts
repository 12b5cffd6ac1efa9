import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { addMember, call, createOrg, event, uuid } from './helpers.ts';

/** The rollup totals of one member, straight from D1. */
async function rollupTotal(memberId: string, metric = 'calls') {
  const row = await env.DB.prepare(
    'SELECT COALESCE(SUM(total), 0) AS total, COALESCE(SUM(events), 0) AS n FROM rollups WHERE member_id = ? AND metric = ?',
  )
    .bind(memberId, metric)
    .first<{ total: number; n: number }>();
  return row ?? { total: 0, n: 0 };
}

async function setup() {
  const org = await createOrg();
  const rep = await addMember(org.managerToken, org.rootTeamId);
  return { org, rep };
}

const post = (token: string, events: unknown[]) =>
  call('POST', '/events', { token, body: { events } });

describe('POST /api/v1/events', () => {
  it('answers every event in request order: created, duplicate, rejected with reason', async () => {
    const { rep } = await setup();
    const a = event({ quantity: 2 });
    const res = await post(rep.token, [
      a,
      { ...a },
      { id: 'not-a-uuid', metric: 'calls', quantity: 1, occurredAt: a.occurredAt },
      event({ metric: 'golf' }),
      event({ occurredAt: new Date(Date.now() + 3 * 3600_000).toISOString() }),
      event({ quantity: 0 }),
      event({ occurredAt: '2020-01-01T00:00:00Z' }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'duplicate',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    const codes = res.body.results.slice(2).map((r: { error: { code: string } }) => r.error.code);
    expect(codes).toEqual([
      'invalid_event',
      'unknown_metric',
      'occurred_in_future',
      'invalid_event',
      'too_old',
    ]);
    expect(res.body.results[0].id).toBe(a.id);
    expect(await rollupTotal(rep.id)).toEqual({ total: 2, n: 1 });
  });

  it('counts the same batch sent three times exactly once', async () => {
    const { rep } = await setup();
    const batch = Array.from({ length: 30 }, (_, i) => event({ quantity: i + 1 }));
    const first = await post(rep.token, batch);
    expect(first.body.results.every((r: { status: string }) => r.status === 'created')).toBe(true);
    for (let i = 0; i < 2; i++) {
      const again = await post(rep.token, batch);
      expect(again.body.results.every((r: { status: string }) => r.status === 'duplicate')).toBe(
        true,
      );
    }
    expect(await rollupTotal(rep.id)).toEqual({ total: 465, n: 30 });
  });

  it('counts overlapping batches once per id', async () => {
    const { rep } = await setup();
    const events = Array.from({ length: 20 }, () => event({ quantity: 3 }));
    await post(rep.token, events.slice(0, 12));
    const second = await post(rep.token, events.slice(8, 20));
    const statuses = second.body.results.map((r: { status: string }) => r.status);
    expect(statuses.filter((s: string) => s === 'duplicate')).toHaveLength(4);
    expect(statuses.filter((s: string) => s === 'created')).toHaveLength(8);
    expect(await rollupTotal(rep.id)).toEqual({ total: 60, n: 20 });
  });

  it('counts concurrent batches with shared ids exactly once, and says created once per id', async () => {
    const { rep } = await setup();
    const events = Array.from({ length: 40 }, () => event({ quantity: 5 }));
    const replies = await Promise.all(
      [0, 10, 20, 0, 5].map((from) => post(rep.token, events.slice(from, from + 20))),
    );
    const created = new Map<string, number>();
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      for (const r of reply.body.results as { id: string; status: string }[]) {
        if (r.status === 'created') created.set(r.id, (created.get(r.id) ?? 0) + 1);
        else expect(r.status).toBe('duplicate');
      }
    }
    expect(created.size).toBe(40);
    expect([...created.values()].every((n) => n === 1)).toBe(true);
    expect(await rollupTotal(rep.id)).toEqual({ total: 200, n: 40 });
  });

  it('stores 500 events in one request (several statements, one batch)', async () => {
    const { rep } = await setup();
    const events = Array.from({ length: 500 }, () =>
      event({ source: { app: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/abc' } }),
    );
    const res = await post(rep.token, events);
    expect(res.body.results.filter((r: { status: string }) => r.status === 'created')).toHaveLength(
      500,
    );
    expect(await rollupTotal(rep.id)).toEqual({ total: 500, n: 500 });
    const evidence = await env.DB.prepare(
      'SELECT SUM(evidence_total) AS e FROM rollups WHERE member_id = ?',
    )
      .bind(rep.id)
      .first<{ e: number }>();
    expect(evidence?.e).toBe(500);
    // Progress and leaderboards read rollups: 500 events of one day and metric are one row.
    const rows = await env.DB.prepare('SELECT COUNT(*) AS n FROM rollups WHERE member_id = ?')
      .bind(rep.id)
      .first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });

  it('refuses 0 or 501 events and a body that is not a batch', async () => {
    const { rep } = await setup();
    for (const body of [
      { events: [] },
      { events: Array.from({ length: 501 }, () => event()) },
      { events: 'x' },
      [],
    ]) {
      const res = await call('POST', '/events', { token: rep.token, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it("never counts or reveals another member's event that reuses an id", async () => {
    const { org, rep } = await setup();
    const other = await addMember(org.managerToken, org.rootTeamId);
    const shared = event({ quantity: 7 });
    await post(rep.token, [shared]);
    const res = await post(other.token, [shared]);
    expect(res.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'id_conflict' },
    });
    expect(await rollupTotal(other.id)).toEqual({ total: 0, n: 0 });
    expect(await rollupTotal(rep.id)).toEqual({ total: 7, n: 1 });
    const recent = await call('GET', '/me/events', { token: other.token });
    expect(recent.body.events).toEqual([]);
  });

  it('counts the event on the local day of the member who logged it', async () => {
    const org = await createOrg();
    const tokyo = await addMember(org.managerToken, org.rootTeamId, { timezone: 'Asia/Tokyo' });
    const la = await addMember(org.managerToken, org.rootTeamId, {
      timezone: 'America/Los_Angeles',
    });
    // Yesterday 20:00 UTC: already tomorrow 05:00 in Tokyo, still yesterday in Los Angeles.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const at = `${yesterday}T20:00:00Z`;
    await post(tokyo.token, [event({ occurredAt: at })]);
    await post(la.token, [event({ occurredAt: at })]);
    const days = await env.DB.prepare(
      'SELECT member_id, local_date FROM rollups WHERE member_id IN (?, ?)',
    )
      .bind(tokyo.id, la.id)
      .all<{ member_id: string; local_date: string }>();
    const byMember = new Map(days.results.map((r) => [r.member_id, r.local_date]));
    expect(byMember.get(tokyo.id)).toBe(today);
    expect(byMember.get(la.id)).toBe(yesterday);
  });
});

describe('POST /api/v1/events/:id/void', () => {
  it('undoes once however often it is sent, and the event shows as voided', async () => {
    const { rep } = await setup();
    const keep = event({ quantity: 4 });
    const undo = event({ quantity: 6 });
    await post(rep.token, [keep, undo]);
    expect(await rollupTotal(rep.id)).toEqual({ total: 10, n: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await call('POST', `/events/${undo.id}/void`, { token: rep.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: undo.id, voided: true });
    }
    await Promise.all([
      call('POST', `/events/${undo.id}/void`, { token: rep.token }),
      call('POST', `/events/${undo.id}/void`, { token: rep.token }),
    ]);
    expect(await rollupTotal(rep.id)).toEqual({ total: 4, n: 1 });
    // Re-sending the voided event does not bring it back.
    const resend = await post(rep.token, [undo]);
    expect(resend.body.results[0].status).toBe('duplicate');
    expect(await rollupTotal(rep.id)).toEqual({ total: 4, n: 1 });
    const recent = await call('GET', '/me/events?limit=10', { token: rep.token });
    const views = new Map(
      recent.body.events.map((e: { id: string; voided: boolean }) => [e.id, e.voided]),
    );
    expect(views.get(undo.id)).toBe(true);
    expect(views.get(keep.id)).toBe(false);
  });

  it('is for the owner only: 404 for a colleague, a manager or an unknown id alike', async () => {
    const { org, rep } = await setup();
    const colleague = await addMember(org.managerToken, org.rootTeamId);
    const e = event();
    await post(rep.token, [e]);
    expect((await call('POST', `/events/${e.id}/void`, { token: colleague.token })).status).toBe(
      404,
    );
    expect((await call('POST', `/events/${e.id}/void`, { token: org.managerToken })).status).toBe(
      404,
    );
    expect((await call('POST', `/events/${uuid()}/void`, { token: rep.token })).status).toBe(404);
    expect((await call('POST', '/events/nope/void', { token: rep.token })).status).toBe(400);
    const other = await createOrg();
    expect((await call('POST', `/events/${e.id}/void`, { token: other.managerToken })).status).toBe(
      404,
    );
    expect(await rollupTotal(rep.id)).toEqual({ total: 1, n: 1 });
  });
});

describe('GET /api/v1/me/events', () => {
  it('lists the newest logs first with details and evidence, bounded by limit', async () => {
    const { rep } = await setup();
    const first = event({
      metric: 'visits',
      note: 'walked the floor',
      contact: { name: 'Ana', email: 'ana@example.com' },
      source: { app: 'hubspot', url: 'https://app.hubspot.com/contacts/1/record/0-1/2' },
    });
    await post(rep.token, [first]);
    const later = event();
    await post(rep.token, [later]);
    const res = await call('GET', '/me/events?limit=1', { token: rep.token });
    expect(res.status).toBe(200);
    expect(res.body.events).toHaveLength(1);
    const all = await call('GET', '/me/events', { token: rep.token });
    const visit = all.body.events.find((e: { id: string }) => e.id === first.id);
    expect(visit).toMatchObject({
      metric: 'visits',
      note: 'walked the floor',
      contact: { name: 'Ana', email: 'ana@example.com' },
      evidence: true,
      voided: false,
      memberId: rep.id,
    });
    expect((await call('GET', '/me/events?limit=0', { token: rep.token })).status).toBe(400);
    expect((await call('GET', '/me/events?limit=abc', { token: rep.token })).status).toBe(400);
  });
});
