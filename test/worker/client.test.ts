/** The typed client the extension and page use (`hc<AppType>`), against the real worker. */
import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../worker/client.ts';
import { addMember, BASE, createOrg, event } from './helpers.ts';

describe('createClient', () => {
  it('calls routes with typed paths, queries and bodies', async () => {
    const org = await createOrg();
    const rep = await addMember(org.managerToken, org.rootTeamId);
    const client = createClient(BASE, {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => SELF.fetch(input, init),
      headers: { authorization: `Bearer ${rep.token}` },
    });
    const sent = await client.api.v1.events.$post({ json: { events: [event({ quantity: 3 })] } });
    expect(sent.status).toBe(200);
    const progress = await client.api.v1.me.progress.$get({ query: { period: 'day' } });
    expect(progress.status).toBe(200);
    if (progress.status === 200) {
      const body = await progress.json();
      expect(body.metrics.find((m) => m.metric === 'calls')?.achieved).toBe(3);
    }
    const me = await client.api.v1.me.$get();
    const profile = await me.json();
    expect(profile.member.id).toBe(rep.id);
  });
});
