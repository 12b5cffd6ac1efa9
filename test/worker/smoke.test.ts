import { describe, expect, it } from 'vitest';
import { addMember, call, createOrg, event } from './helpers.ts';

describe('smoke', () => {
  it('creates an org, joins a rep and logs an event', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const res = await call('POST', '/events', { token: rep.token, body: { events: [event()] } });
    expect(res.status).toBe(200);
    expect(res.body.results[0].status).toBe('created');
  });
});
