/**
 * Evidence per log: a log made from an email thread or CRM record keeps its link; managers of the
 * member's team (and the member) read the logs with their evidence; nobody else does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, event } from './helpers.ts';
import { buildWorld, type World } from './world.ts';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

describe('GET /members/:id/events', () => {
  it('shows each log with its evidence link to the member’s managers and the member', async () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZ';
    const linked = event({ metric: 'calls', source: { app: 'gmail', url, title: 'Re: offer' } });
    const manual = event({ metric: 'visits' });
    const posted = await call('POST', '/events', {
      token: w.eastRep.token,
      body: { events: [linked, manual] },
    });
    expect(posted.status).toBe(200);
    for (const token of [w.eastManager.token, w.orgA.managerToken, w.eastRep.token]) {
      const res = await call('GET', `/members/${w.eastRep.id}/events?limit=10`, { token });
      expect(res.status).toBe(200);
      const byId = new Map(res.body.events.map((e: { id: string }) => [e.id, e]));
      expect(byId.get(linked.id)).toMatchObject({ evidence: true, source: { url, app: 'gmail' } });
      expect(byId.get(manual.id)).toMatchObject({ evidence: false });
      expect(byId.get(manual.id)).not.toHaveProperty('source');
    }
  });

  it('refuses other subtrees, other reps and other organisations', async () => {
    const path = `/members/${w.eastRep.id}/events`;
    expect((await call('GET', path, { token: w.westManager.token })).status).toBe(403);
    expect((await call('GET', path, { token: w.westRep.token })).status).toBe(403);
    expect((await call('GET', path, { token: w.orgB.managerToken })).status).toBe(404);
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', `${path}?limit=0`, { token: w.eastManager.token })).status).toBe(400);
  });
});
