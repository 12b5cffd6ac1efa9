/**
 * Customers (worker/customers, shared/domain/customers.ts): identities derived at ingest for each
 * CRM and for business vs personal email, who sees a customer, rename / class, merges and splits
 * moving logs (a property: merges never change totals), and the due list across weekends and the
 * 2026 National Day holidays (Oct 1–7 off, make-up workdays Sun Sep 27 and Sat Oct 10), with the
 * clock pinned so the test means the same on any date.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coveredThisPeriod, customerSettingsOf } from '../../shared/domain/customers.ts';
import { addMember, addTeam, call, createOrg, event, type OrgFixture, uuid } from './helpers.ts';

const TZ = 'Asia/Shanghai';
/** Friday Oct 9 2026, 12:00 in Shanghai. */
const NOON_OCT_9 = new Date('2026-10-09T04:00:00Z');
const CALENDAR = {
  timezone: TZ,
  holidays: [
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  extraWorkdays: ['2026-09-27', '2026-10-10'],
};

async function chineseOrg(): Promise<OrgFixture> {
  const org = await createOrg({ timezone: TZ, currency: 'CNY' });
  const res = await call('PATCH', '/org', {
    token: org.managerToken,
    body: { calendar: CALENDAR },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return org;
}

/** Noon in Shanghai on `date`. */
const at = (date: string) => `${date}T12:00:00+08:00`;

async function log(token: string, events: Record<string, unknown>[]) {
  const res = await call('POST', '/events', { token, body: { events } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  for (const r of res.body.results) expect(r.status, JSON.stringify(r)).toBe('created');
}

const fromUrl = (url: string, name: string, extra: Record<string, unknown> = {}) =>
  event({ source: { app: 'crm', url }, contact: { name }, occurredAt: at('2026-10-08'), ...extra });
const fromEmail = (email: string, name?: string, extra: Record<string, unknown> = {}) =>
  event({
    source: { app: 'gmail', url: `https://mail.google.com/mail/u/0/#inbox/${uuid().slice(0, 8)}` },
    contact: { email, ...(name ? { name } : {}) },
    occurredAt: at('2026-10-08'),
    ...extra,
  });

async function customers(token: string, member?: string) {
  const res = await call('GET', `/customers${member ? `?member=${member}` : ''}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.customers as {
    id: string;
    key: string;
    name: string;
    class: string | null;
    logs: number;
    due: { state: string; overdueDays: number; lastContact: string | null; nextDue: string | null };
  }[];
}

const byKey = async (token: string) =>
  new Map((await customers(token)).map((c) => [c.key, c] as const));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOON_OCT_9);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('customer identity at ingest', () => {
  it('derives one customer per CRM record, per company domain and per personal address', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    await log(rep.token, [
      fromUrl(
        'https://acme.lightning.force.com/lightning/r/Contact/003Ak00000AbCdEIAV/view',
        'Ada Lovelace',
      ),
      fromUrl('https://acme.my.salesforce.com/003Ak00000AbCdE', 'Ada Lovelace'),
      fromUrl('https://app.hubspot.com/contacts/442211/record/0-1/5151', 'Grace Hopper'),
      fromUrl('https://app.hubspot.com/contacts/442211/record/0-2/77', 'Northwind'),
      fromUrl('https://acme.pipedrive.com/person/42', 'Linus'),
      fromUrl('https://crm.zoho.com.cn/crm/org1/tab/Contacts/4150868000000224005', '王伟'),
      fromEmail('alice@northwind.example', 'Alice'),
      fromEmail('Bob@Northwind.example', 'Bob'),
      fromEmail('wang@qq.com', '王先生'),
      fromEmail('li@qq.com'),
      fromEmail('someone@gmail.com', 'Someone'),
      event({ contact: { name: 'Walk-in' }, occurredAt: at('2026-10-08') }),
      // A +1 with no thread, record or contact names no customer.
      event({ source: { app: 'sidebar' }, occurredAt: at('2026-10-08') }),
    ]);
    const found = await byKey(rep.token);
    expect([...found.keys()].sort()).toEqual([
      'contact:walk-in',
      'crm:hubspot:442211:company:77',
      'crm:hubspot:442211:contact:5151',
      'crm:pipedrive:acme:person:42',
      'crm:salesforce:003Ak00000AbCdE',
      'crm:zoho:com.cn:Contacts:4150868000000224005',
      'domain:northwind.example',
      'email:li@qq.com',
      'email:someone@gmail.com',
      'email:wang@qq.com',
    ]);
    expect(found.get('crm:salesforce:003Ak00000AbCdE')).toMatchObject({
      name: 'Ada Lovelace',
      logs: 2,
    });
    expect(found.get('domain:northwind.example')).toMatchObject({
      name: 'northwind.example',
      logs: 2,
    });
    expect(found.get('email:wang@qq.com')).toMatchObject({ name: '王先生', logs: 1 });
    expect(found.get('email:li@qq.com')).toMatchObject({ name: 'li@qq.com', class: null });

    // The sidebar's lookup answers from the evidence on screen.
    const lookup = await call(
      'GET',
      `/customers/lookup?url=${encodeURIComponent('https://acme.lightning.force.com/lightning/r/Contact/003Ak00000AbCdEAAA/view')}`,
      { token: rep.token },
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      key: 'crm:salesforce:003Ak00000AbCdE',
      customer: { name: 'Ada Lovelace', logs: 2 },
    });
    const unknown = await call('GET', '/customers/lookup?email=new%40northwind2.example', {
      token: rep.token,
    });
    expect(unknown.body).toMatchObject({ key: 'domain:northwind2.example', customer: null });
    expect(unknown.body.rules.customers.cadence.A).toEqual({ times: 2, per: 'week' });
  });

  it('keeps each rep’s customers apart: one customer per identity per owner', async () => {
    const org = await chineseOrg();
    const a = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const b = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    await log(a.token, [fromEmail('x@contoso.example'), fromEmail('y@contoso.example')]);
    await log(b.token, [fromEmail('z@contoso.example')]);
    const mine = await customers(a.token);
    const theirs = await customers(b.token);
    expect(mine).toHaveLength(1);
    expect(theirs).toHaveLength(1);
    expect(mine[0]?.id).not.toBe(theirs[0]?.id);
    expect(mine[0]?.logs).toBe(2);
  });
});

describe('a refused log leaves no customer behind', () => {
  it('an id another member used, the daily cap, and two requests racing for the last room of a day', async () => {
    const org = await chineseOrg();
    const a = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const b = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const taken = fromEmail('x@alpha.example');
    await log(a.token, [taken]);
    // b sends a's event id with another contact: refused, and no customer for b.
    const conflict = await call('POST', '/events', {
      token: b.token,
      body: { events: [{ ...fromEmail('y@beta.example'), id: taken.id }] },
    });
    expect(conflict.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'id_conflict' },
    });
    expect(await customers(b.token)).toEqual([]);
    // Its identity went too: b's next log with that company makes the customer, with the log.
    await log(b.token, [fromEmail('y@beta.example')]);
    expect(await customers(b.token)).toMatchObject([{ key: 'domain:beta.example', logs: 1 }]);

    // The day's calls are at the cap: a call naming a new company is refused, no customer made.
    await log(a.token, [event({ quantity: 100_000, occurredAt: at('2026-10-07') })]);
    const capped = await call('POST', '/events', {
      token: a.token,
      body: { events: [fromEmail('z@gamma.example', 'Z', { occurredAt: at('2026-10-07') })] },
    });
    expect(capped.body.results[0]).toMatchObject({ error: { code: 'daily_limit' } });

    // Two requests at once, each wanting 60,000 of the same day's 100,000: one is refused
    // (by the first check or by the insert's own), and only the other's customer exists.
    const day = at('2026-10-06');
    const racing = await Promise.all(
      ['one', 'two'].map((name) =>
        call('POST', '/events', {
          token: a.token,
          body: {
            events: [fromEmail(`p@${name}.example`, name, { quantity: 60_000, occurredAt: day })],
          },
        }),
      ),
    );
    const statuses = racing.map((r) => r.body.results[0].status).sort();
    expect(statuses).toEqual(['created', 'rejected']);
    const winner = racing.findIndex((r) => r.body.results[0].status === 'created');
    const keys = (await customers(a.token)).map((c) => [c.key, c.logs]);
    expect(keys.sort()).toEqual([
      ['domain:alpha.example', 1],
      [`domain:${winner === 0 ? 'one' : 'two'}.example`, 1],
    ]);
  });
});

describe('who sees a customer', () => {
  it('the owner and the managers of the owner’s team; peers and other managers get 404', async () => {
    const org = await chineseOrg();
    const sub = await addTeam(org.managerToken, org.rootTeamId, 'East');
    const other = await addTeam(org.managerToken, org.rootTeamId, 'West');
    const rep = await addMember(org.managerToken, sub, { timezone: TZ });
    const peer = await addMember(org.managerToken, sub, { timezone: TZ });
    const lead = await addMember(org.managerToken, sub, { role: 'manager', timezone: TZ });
    const otherLead = await addMember(org.managerToken, other, { role: 'manager', timezone: TZ });
    for (const privacy of ['open', 'private'] as const) {
      const set = await call('PATCH', '/org', { token: org.managerToken, body: { privacy } });
      expect(set.status).toBe(200);
      await log(rep.token, [fromEmail(`rep@${privacy}.initech.example`)]);
      const [customer] = (await customers(rep.token)).filter((c) => c.key.includes(privacy));
      const id = customer?.id as string;
      for (const token of [rep.token, lead.token, org.managerToken]) {
        expect((await call('GET', `/customers/${id}/logs`, { token })).status).toBe(200);
      }
      for (const token of [peer.token, otherLead.token]) {
        const res = await call('GET', `/customers/${id}/logs`, { token });
        expect(res.status).toBe(404);
        expect(
          (await call('PATCH', `/customers/${id}`, { token, body: { class: 'A' } })).status,
        ).toBe(404);
        expect((await call('GET', `/customers?member=${rep.id}`, { token })).status).toBe(404);
      }
      expect((await customers(lead.token, rep.id)).map((c) => c.id)).toContain(id);
    }
  });
});

describe('rename, class, merge and split', () => {
  it('renames and classifies; refuses bad input with a 400', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    await log(rep.token, [fromEmail('a@globex.example')]);
    const [c] = await customers(rep.token);
    const id = c?.id as string;
    const ok = await call('PATCH', `/customers/${id}`, {
      token: rep.token,
      body: { name: 'Globex 环球', class: 'A' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.customer).toMatchObject({ name: 'Globex 环球', class: 'A' });
    for (const body of [{}, { class: 'D' }, { name: '   ' }, { name: 'x'.repeat(201) }]) {
      const bad = await call('PATCH', `/customers/${id}`, { token: rep.token, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
    }
    const cleared = await call('PATCH', `/customers/${id}`, {
      token: rep.token,
      body: { class: null },
    });
    expect(cleared.body.customer.class).toBeNull();
    expect((await call('GET', '/customers/lookup', { token: rep.token })).status).toBe(400);
    expect(
      (await call('PATCH', `/customers/${uuid()}`, { token: rep.token, body: { class: 'A' } }))
        .status,
    ).toBe(404);
  });

  it('merges: logs and identities follow, later logs of a merged identity land in the one kept', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    await log(rep.token, [
      fromEmail('ceo@initech.example'),
      fromEmail('boss@initech.example', undefined, { metric: 'visits' }),
      fromUrl('https://acme.pipedrive.com/organization/9', 'Initech'),
    ]);
    const keys = await byKey(rep.token);
    const domain = keys.get('domain:initech.example');
    const crm = keys.get('crm:pipedrive:acme:organization:9');
    const merged = await call('POST', `/customers/${crm?.id}/merge`, {
      token: rep.token,
      body: { from: [domain?.id] },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.customer).toMatchObject({ name: 'Initech', logs: 3 });
    expect(merged.body.customer.due.lastContact).toBe('2026-10-08');
    await log(rep.token, [fromEmail('cfo@initech.example')]);
    const after = await customers(rep.token);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: crm?.id, logs: 4 });
    // The due list and the lookup name every identity of the merged customer, so the sidebar
    // counts its own new log on any of them (shared/domain/customers.ts lastWithLocalLogs).
    const classed = await call('PATCH', `/customers/${crm?.id}`, {
      token: rep.token,
      body: { class: 'A' },
    });
    expect(classed.status).toBe(200);
    const identities = ['crm:pipedrive:acme:organization:9', 'domain:initech.example'];
    const due = await call('GET', '/customers/due', { token: rep.token });
    expect(due.status).toBe(200);
    expect(due.body.customers).toHaveLength(1);
    expect(due.body.customers[0]).toMatchObject({ id: crm?.id });
    expect([...due.body.customers[0].keys].sort()).toEqual(identities);
    const lookup = await call('GET', '/customers/lookup?email=ceo%40initech.example', {
      token: rep.token,
    });
    expect(lookup.body).toMatchObject({ key: 'domain:initech.example', customer: { id: crm?.id } });
    expect([...lookup.body.customer.keys].sort()).toEqual(identities);
    // Merging into itself, or someone else's customer, is refused and moves nothing.
    const self = await call('POST', `/customers/${crm?.id}/merge`, {
      token: rep.token,
      body: { from: [crm?.id] },
    });
    expect(self.status).toBe(400);
    const peer = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    await log(peer.token, [fromEmail('x@hooli.example')]);
    const [theirs] = await customers(peer.token);
    const foreign = await call('POST', `/customers/${crm?.id}/merge`, {
      token: rep.token,
      body: { from: [theirs?.id] },
    });
    expect(foreign.status).toBe(404);
    expect((await customers(peer.token))[0]?.logs).toBe(1);
  });

  it('splits chosen logs to a new customer; a log of another customer is a 400 and nothing moves', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const first = fromEmail('a@umbrella.example', undefined, {
      occurredAt: at('2026-09-28'),
      metric: 'visits',
    });
    const second = fromEmail('b@umbrella.example', undefined, { occurredAt: at('2026-10-08') });
    const elsewhere = fromEmail('c@wayne.example');
    await log(rep.token, [first, second, elsewhere]);
    const keys = await byKey(rep.token);
    const umbrella = keys.get('domain:umbrella.example');
    const bad = await call('POST', `/customers/${umbrella?.id}/split`, {
      token: rep.token,
      body: { events: [second.id, elsewhere.id], name: 'Umbrella Labs' },
    });
    expect(bad.status).toBe(400);
    expect((await byKey(rep.token)).get('domain:umbrella.example')?.logs).toBe(2);
    const split = await call('POST', `/customers/${umbrella?.id}/split`, {
      token: rep.token,
      body: { events: [second.id], name: 'Umbrella Labs' },
    });
    expect(split.status, JSON.stringify(split.body)).toBe(200);
    expect(split.body.customer).toMatchObject({ logs: 1, due: { lastContact: '2026-09-28' } });
    expect(split.body.created).toMatchObject({
      name: 'Umbrella Labs',
      logs: 1,
      due: { lastContact: '2026-10-08' },
    });
    const logs = await call('GET', `/customers/${split.body.created.id}/logs`, {
      token: rep.token,
    });
    expect(logs.body.logs.map((l: { id: string }) => l.id)).toEqual([second.id]);
    // New logs of the identity still go to the original customer.
    await log(rep.token, [fromEmail('d@umbrella.example')]);
    expect((await byKey(rep.token)).get('domain:umbrella.example')?.logs).toBe(2);
  });

  it('property: merges never change totals, and every linked log stays counted once', async () => {
    const org = await chineseOrg();
    const domains = ['a.example', 'b.example', 'c.example', 'd.example', 'gmail.com'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            domain: fc.constantFrom(...domains),
            user: fc.constantFrom('x', 'y'),
            metric: fc.constantFrom('calls', 'visits', 'revenue'),
            quantity: fc.integer({ min: 1, max: 50 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
        async (logs, merges) => {
          const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
          await log(
            rep.token,
            logs.map((l) =>
              fromEmail(`${l.user}@${l.domain}`, undefined, {
                metric: l.metric,
                quantity: l.quantity,
              }),
            ),
          );
          const totals = async () => {
            const res = await call('GET', '/me/progress?period=month', { token: rep.token });
            return Object.fromEntries(
              (res.body.metrics as { metric: string; achieved: number }[]).map((m) => [
                m.metric,
                m.achieved,
              ]),
            );
          };
          const before = await totals();
          for (const [i, j] of merges) {
            const list = await customers(rep.token);
            const into = list[i % list.length];
            const from = list[j % list.length];
            if (!into || !from || into.id === from.id) continue;
            const res = await call('POST', `/customers/${into.id}/merge`, {
              token: rep.token,
              body: { from: [from.id] },
            });
            expect(res.status).toBe(200);
          }
          expect(await totals()).toEqual(before);
          const after = await customers(rep.token);
          expect(after.reduce((sum, c) => sum + c.logs, 0)).toBe(logs.length);
        },
      ),
      { numRuns: 12, seed: 20261201 },
    );
  });
});

describe('due list in the team calendar', () => {
  it('B customer visited Mon Sep 28: due after the holidays (Oct 8), overdue 1 on Oct 9; a visit clears it, undo brings it back', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    await log(rep.token, [
      fromEmail('buyer@soylent.example', undefined, {
        metric: 'visits',
        occurredAt: at('2026-09-28'),
      }),
      // Revenue is no follow-up: it does not move the last contact.
      fromEmail('buyer@soylent.example', undefined, {
        metric: 'revenue',
        quantity: 5000,
        occurredAt: at('2026-10-08'),
      }),
      fromEmail('a@tyrell.example', undefined, { metric: 'calls', occurredAt: at('2026-10-08') }),
    ]);
    const keys = await byKey(rep.token);
    const soylent = keys.get('domain:soylent.example')?.id as string;
    const tyrell = keys.get('domain:tyrell.example')?.id as string;
    expect((await call('GET', '/customers/due', { token: rep.token })).body.customers).toEqual([]);
    await call('PATCH', `/customers/${soylent}`, { token: rep.token, body: { class: 'B' } });
    await call('PATCH', `/customers/${tyrell}`, { token: rep.token, body: { class: 'A' } });
    const due = await call('GET', '/customers/due', { token: rep.token });
    expect(due.status).toBe(200);
    expect(due.body.today).toBe('2026-10-09');
    expect(due.body.customers.map((c: { id: string; due: unknown }) => [c.id, c.due])).toEqual([
      [
        soylent,
        {
          state: 'overdue',
          lastContact: '2026-09-28',
          lastMetric: 'visits',
          followUps: 1,
          nextDue: '2026-10-08',
          overdueDays: 1,
        },
      ],
      // A, called Thu Oct 8: floor(3 workdays this week / 2) = 1, so due Fri Oct 9.
      [
        tyrell,
        {
          state: 'due',
          lastContact: '2026-10-08',
          lastMetric: 'calls',
          followUps: 1,
          nextDue: '2026-10-09',
          overdueDays: 0,
        },
      ],
    ]);
    // The make-up Saturday is a workday: overdue 2 by then; Sunday adds nothing.
    vi.setSystemTime(new Date('2026-10-11T04:00:00Z'));
    const sunday = await call('GET', '/customers/due', { token: rep.token });
    expect(sunday.body.customers[0].due.overdueDays).toBe(2);
    vi.setSystemTime(NOON_OCT_9);

    const visit = fromEmail('someone@soylent.example', undefined, {
      metric: 'visits',
      occurredAt: at('2026-10-09'),
    });
    await log(rep.token, [visit]);
    const cleared = await call('GET', '/customers/due', { token: rep.token });
    expect(cleared.body.customers.map((c: { id: string }) => c.id)).toEqual([tyrell]);
    const undo = await call('POST', `/events/${visit.id}/void`, { token: rep.token });
    expect(undo.status).toBe(200);
    const back = await call('GET', '/customers/due', { token: rep.token });
    expect(back.body.customers[0]).toMatchObject({
      id: soylent,
      due: { state: 'overdue', lastContact: '2026-09-28' },
    });
  });

  it('A (2 a week) counts the follow-up days of the week from the rollup: 1 of 2 by Thursday is due Friday, 2 of 2 is done until Monday; undo and merge recount', async () => {
    // Fri Oct 16 2026, noon in Shanghai: the week Mon Oct 12 – Sun Oct 18 has 5 workdays.
    vi.setSystemTime(new Date('2026-10-16T04:00:00Z'));
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    const tuesday = fromEmail('b@initech.example', undefined, {
      metric: 'visits',
      occurredAt: at('2026-10-13'),
    });
    await log(rep.token, [
      fromEmail('a@hooli.example', undefined, { metric: 'calls', occurredAt: at('2026-10-15') }),
      // Two logs on Monday are one follow-up day; revenue is none.
      fromEmail('b@initech.example', undefined, { metric: 'calls', occurredAt: at('2026-10-12') }),
      fromEmail('b@initech.example', undefined, { metric: 'emails', occurredAt: at('2026-10-12') }),
      tuesday,
      fromEmail('b@initech.example', undefined, {
        metric: 'revenue',
        quantity: 100,
        occurredAt: at('2026-10-14'),
      }),
      fromEmail('c@initrode.example', undefined, {
        metric: 'visits',
        occurredAt: at('2026-10-14'),
      }),
    ]);
    const keys = await byKey(rep.token);
    const hooli = keys.get('domain:hooli.example')?.id as string;
    const initech = keys.get('domain:initech.example')?.id as string;
    const initrode = keys.get('domain:initrode.example')?.id as string;
    for (const id of [hooli, initech, initrode]) {
      await call('PATCH', `/customers/${id}`, { token: rep.token, body: { class: 'A' } });
    }
    const all = new Map(
      (await customers(rep.token)).map((c) => [c.id, c.due as Record<string, unknown>]),
    );
    // Hooli, once on Thursday: the second must be Friday (every 2 workdays would say Monday).
    expect(all.get(hooli)).toMatchObject({ state: 'due', followUps: 1, nextDue: '2026-10-16' });
    // Initech, Monday and Tuesday: 2 of 2, next due Monday (not Thursday, 2 workdays on).
    expect(all.get(initech)).toMatchObject({
      state: 'ok',
      lastContact: '2026-10-13',
      followUps: 2,
      nextDue: '2026-10-19',
    });
    // Initrode, once on Wednesday: Friday either way.
    expect(all.get(initrode)).toMatchObject({ state: 'due', followUps: 1, nextDue: '2026-10-16' });
    const due = await call('GET', '/customers/due', { token: rep.token });
    expect(due.body.customers.map((c: { id: string }) => c.id).sort()).toEqual(
      [hooli, initrode].sort(),
    );

    // Undo Tuesday's visit: 1 of 2 on Monday, due Wednesday: overdue 2 (Thursday, Friday).
    await call('POST', `/events/${tuesday.id}/void`, { token: rep.token });
    const undone = (await customers(rep.token)).find((c) => c.id === initech);
    expect(undone?.due).toMatchObject({
      state: 'overdue',
      lastContact: '2026-10-12',
      followUps: 1,
      nextDue: '2026-10-14',
      overdueDays: 2,
    });
    // Merge Initrode (Wednesday) into Initech (Monday): 2 of 2 again, due Monday; the merged
    // customer answers to both identities (the sidebar matches its own logs on all of them).
    const merged = await call('POST', `/customers/${initech}/merge`, {
      token: rep.token,
      body: { from: [initrode] },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.customer.due).toMatchObject({
      state: 'ok',
      lastContact: '2026-10-14',
      followUps: 2,
      nextDue: '2026-10-19',
    });
    expect(merged.body.customer.keys.sort()).toEqual([
      'domain:initech.example',
      'domain:initrode.example',
    ]);
    const list = await call('GET', '/customers/due', { token: rep.token });
    expect(list.body.customers.map((c: { id: string; keys: string[] }) => [c.id, c.keys])).toEqual([
      [hooli, ['domain:hooli.example']],
    ]);
    // Monday: Hooli's Friday passed with no visit (overdue 1); Initech is due today.
    vi.setSystemTime(new Date('2026-10-19T04:00:00Z'));
    const monday = await call('GET', '/customers/due', { token: rep.token });
    expect(
      monday.body.customers.map((c: { id: string; due: { overdueDays: number } }) => [
        c.id,
        c.due.overdueDays,
      ]),
    ).toEqual([
      [hooli, 1],
      [initech, 0],
    ]);
  });

  it('follows the follow-up metrics and cadence a manager set', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ });
    await log(rep.token, [
      fromEmail('x@cyberdyne.example', undefined, {
        metric: 'leads',
        occurredAt: at('2026-10-08'),
      }),
    ]);
    const [c] = await customers(rep.token);
    await call('PATCH', `/customers/${c?.id}`, { token: rep.token, body: { class: 'C' } });
    // Leads are no follow-up by default: never followed up, due since its first workday.
    expect((await customers(rep.token))[0]?.due).toMatchObject({
      state: 'overdue',
      lastContact: null,
      nextDue: '2026-10-08',
    });
    const set = await call('PATCH', '/org', {
      token: org.managerToken,
      body: {
        customers: {
          cadence: {
            A: { times: 3, per: 'week' },
            B: { times: 1, per: 'week' },
            C: { times: 2, per: 'month' },
          },
          followUpMetrics: ['leads'],
        },
      },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    // October has 18 workdays: C twice a month is every 9 workdays after Oct 8.
    expect((await customers(rep.token))[0]?.due).toMatchObject({
      state: 'ok',
      lastContact: '2026-10-08',
      nextDue: '2026-10-20',
    });
  });
});

describe('manager report', () => {
  it('counts customers by class, overdue and A covered this week, per rep, and exports CSV', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ, name: 'Zhang' });
    await log(rep.token, [
      fromEmail('a@one.example', undefined, { metric: 'visits', occurredAt: at('2026-10-08') }),
      fromEmail('a@two.example', undefined, { metric: 'visits', occurredAt: at('2026-09-28') }),
      fromEmail('a@three.example'),
    ]);
    const keys = await byKey(rep.token);
    await call('PATCH', `/customers/${keys.get('domain:one.example')?.id}`, {
      token: rep.token,
      body: { class: 'A' },
    });
    await call('PATCH', `/customers/${keys.get('domain:two.example')?.id}`, {
      token: rep.token,
      body: { class: 'A' },
    });
    const report = await call('GET', `/customers/report?team=${org.rootTeamId}`, {
      token: org.managerToken,
    });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const row = report.body.reps.find((r: { memberId: string }) => r.memberId === rep.id);
    expect(row).toEqual({
      memberId: rep.id,
      name: 'Zhang',
      classes: {
        A: { customers: 2, overdue: 1, covered: 1 },
        B: { customers: 0, overdue: 0, covered: 0 },
        C: { customers: 0, overdue: 0, covered: 0 },
      },
      unclassified: 1,
    });
    const csv = await call('GET', `/customers/report.csv?team=${org.rootTeamId}`, {
      token: org.managerToken,
    });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(`Zhang,${rep.id},2,1,1,0,0,0,0,0,0,1`);
    expect(
      (await call('GET', `/customers/report?team=${org.rootTeamId}`, { token: rep.token })).status,
    ).toBe(403);
  });

  it('counts each customer as its own view states it: several follow-ups a week, other metrics', async () => {
    const org = await chineseOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId, { timezone: TZ, name: 'Li' });
    const on = (email: string, metric: string, occurredAt: string) =>
      fromEmail(email, undefined, { metric, occurredAt });
    await log(rep.token, [
      // A, two follow-up days this week (A wants two): followed up, not due.
      on('a@twice.example', 'visits', at('2026-10-08')),
      on('a@twice.example', 'calls', '2026-10-09T09:00:00+08:00'),
      // A, one follow-up this week: covered, the second one still to come.
      on('a@once.example', 'calls', at('2026-10-08')),
      // A, last followed up long ago; a later won deal is no follow-up: overdue.
      on('a@stale.example', 'visits', at('2026-09-14')),
      on('a@stale.example', 'deals', at('2026-10-08')),
      // Followed up last month: one made B, one left without a class.
      on('b@last-month.example', 'visits', at('2026-09-28')),
      on('c@early.example', 'meetings', at('2026-09-02')),
      // Unclassified.
      on('x@none.example', 'visits', at('2026-10-08')),
    ]);
    const keys = await byKey(rep.token);
    const classes: Record<string, string> = {
      'domain:twice.example': 'A',
      'domain:once.example': 'A',
      'domain:stale.example': 'A',
      'domain:last-month.example': 'B',
    };
    for (const [key, cls] of Object.entries(classes)) {
      const res = await call('PATCH', `/customers/${keys.get(key)?.id}`, {
        token: rep.token,
        body: { class: cls },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const report = await call('GET', `/customers/report?team=${org.rootTeamId}`, {
      token: org.managerToken,
    });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const row = report.body.reps.find((r: { memberId: string }) => r.memberId === rep.id);
    // The same counts from the rep's customer views (each with its due state).
    const views = await customers(rep.token);
    const { settings } = (await call('GET', '/org', { token: org.managerToken })).body.org;
    const rules = customerSettingsOf(settings);
    const today = '2026-10-09';
    const fromViews = Object.fromEntries(
      (['A', 'B', 'C'] as const).map((cls) => {
        const of = views.filter((v) => v.class === cls);
        return [
          cls,
          {
            customers: of.length,
            overdue: of.filter((v) => v.due.state === 'overdue').length,
            covered: of.filter((v) =>
              coveredThisPeriod(cls, v.due.lastContact, today, rules, settings.calendar),
            ).length,
          },
        ];
      }),
    );
    expect(row.classes).toEqual(fromViews);
    expect(row.unclassified).toBe(views.filter((v) => v.class === null).length);
    // By hand: A = twice, once (covered this week) and stale (overdue); B last month; the
    // meetings-only one and the unclassified one have no class.
    expect(row).toMatchObject({
      classes: { A: { customers: 3, overdue: 1, covered: 2 }, B: { customers: 1 } },
      unclassified: 2,
    });
  });
});
