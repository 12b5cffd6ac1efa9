/**
 * Team chat channels through the real worker: the API's safety rules (official hosts only,
 * secrets encrypted and never answered), and delivery through the real local queue to a local
 * receiver: once per message however often it is retried or redelivered, with backoff, a
 * dead-letter queue, each platform's rate limit, and a channel that pauses when it keeps failing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deliver, PAUSE_AFTER_FAILURES } from '../../worker/chat/delivery.ts';
import { stage } from '../../worker/chat/outbox.ts';
import {
  channelRow,
  consume,
  createChannel,
  db,
  failNext,
  hmacBase64,
  hookUrl,
  outboxRow,
  QUIET_OPTIONS,
  received,
  tick,
  waitFor,
  workerEnv,
} from './chat-support.ts';
import { call, event } from './helpers.ts';
import { buildWorld, type World } from './world.ts';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

const OFFICIAL = {
  wecom:
    'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa',
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=d1a2b3c4d5e6f7',
  feishu: 'https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e-d78e-4a07-bd07-265f269f86fd',
  slack: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
  teams:
    'https://prod-12.westus.logic.azure.com:443/workflows/0a1b2c/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers&sv=1.0&sig=s1g',
} as const;

/** Stages one message without queueing it, so a test drives the consumer itself. */
async function stageQuietly(
  channelId: string,
  key: string,
  kind: 'test' | 'standings' = 'standings',
) {
  await stage(
    db(),
    { ...workerEnv, CHAT_QUEUE: undefined },
    [{ key, channelId, kind, message: { title: key, lines: ['line'] } }],
    new Date(),
  );
}

describe('chat channels API', () => {
  it('accepts each platform on its official host and never answers its URL or secret', async () => {
    const token = w.orgA.managerToken;
    for (const [platform, webhookUrl] of Object.entries(OFFICIAL)) {
      const signingSecret =
        platform === 'dingtalk' || platform === 'feishu' ? 'SECsecret-1234' : undefined;
      const res = await call('POST', '/chat/channels', {
        token,
        body: {
          teamId: w.eastId,
          platform,
          name: platform,
          language: 'zh',
          webhookUrl,
          signingSecret,
          options: QUIET_OPTIONS,
        },
      });
      expect(res.status, platform).toBe(201);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(
        new URL(webhookUrl).search.slice(1, 12) || new URL(webhookUrl).pathname,
      );
      expect(text).not.toContain('SECsecret');
      expect(res.body.channel.signed).toBe(signingSecret !== undefined);
      expect(res.body.channel.webhookHint).toContain(new URL(webhookUrl).hostname);
      const row = await channelRow(res.body.channel.id);
      expect(row?.url_cipher).not.toContain(new URL(webhookUrl).hostname);
      expect(row?.secret_cipher ?? '').not.toContain('SECsecret');
    }
    const list = await call('GET', `/chat/channels?team=${w.eastId}`, { token });
    expect(list.status).toBe(200);
    expect(list.body.channels).toHaveLength(5);
    const text = JSON.stringify(list.body);
    for (const url of Object.values(OFFICIAL)) expect(text).not.toContain(url.slice(-12));
    expect(text).not.toContain('SECsecret');
    // A sub-team's manager sees their own team's channels only.
    const west = await call('GET', '/chat/channels', { token: w.westManager.token });
    expect(west.body.channels).toEqual([]);
  });

  it('refuses other hosts with a 400 naming the field, and stores nothing', async () => {
    const token = w.orgA.managerToken;
    const before = await call('GET', '/chat/channels', { token });
    const bad: Array<[string, string]> = [
      ['slack', 'https://hooks.slack.com.evil.example/services/T/B/X'],
      ['wecom', 'https://169.254.169.254/cgi-bin/webhook/send?key=k'],
      ['teams', 'https://evil.example/workflows/x?host=.logic.azure.com'],
      ['dingtalk', OFFICIAL.wecom],
      ['feishu', 'http://10.0.0.8/open-apis/bot/v2/hook/x'],
      ['slack', 'file:///etc/passwd'],
    ];
    for (const [platform, webhookUrl] of bad) {
      const res = await call('POST', '/chat/channels', {
        token,
        body: { teamId: w.eastId, platform, name: 'x', language: 'en', webhookUrl },
      });
      expect(res.status, webhookUrl).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(JSON.stringify(res.body.error.details)).toContain('webhookUrl');
    }
    const slack = await call('POST', '/chat/channels', {
      token,
      body: {
        teamId: w.eastId,
        platform: 'slack',
        name: 'x',
        language: 'en',
        webhookUrl: OFFICIAL.slack,
        signingSecret: 's',
      },
    });
    expect(slack.status).toBe(400);
    const after = await call('GET', '/chat/channels', { token });
    expect(after.body.channels).toHaveLength(before.body.channels.length);
  });

  it('is for managers of the team: reps get 403, other teams 403, other organisations 404', async () => {
    const { id } = await createChannel(w.eastManager.token, {
      teamId: w.eastId,
      platform: 'slack',
    });
    const body = {
      teamId: w.eastId,
      platform: 'slack',
      name: 'x',
      language: 'en',
      webhookUrl: OFFICIAL.slack,
    };
    expect((await call('POST', '/chat/channels', { token: w.eastRep.token, body })).status).toBe(
      403,
    );
    expect(
      (await call('POST', '/chat/channels', { token: w.westManager.token, body })).status,
    ).toBe(403);
    expect(
      (
        await call('PATCH', `/chat/channels/${id}`, {
          token: w.westManager.token,
          body: { name: 'y' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('POST', `/chat/channels/${id}/test`, { token: w.orgB.managerToken })).status,
    ).toBe(404);
    expect(
      (await call('DELETE', `/chat/channels/${id}`, { token: w.orgB.managerToken })).status,
    ).toBe(404);
    expect(
      (await call('PATCH', `/chat/channels/${id}`, { token: w.eastManager.token, body: {} }))
        .status,
    ).toBe(400);
    const renamed = await call('PATCH', `/chat/channels/${id}`, {
      token: w.eastManager.token,
      body: { name: '销售群' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.channel.name).toBe('销售群');
    expect(
      (await call('DELETE', `/chat/channels/${id}`, { token: w.eastManager.token })).status,
    ).toBe(204);
    expect(
      (await call('POST', `/chat/channels/${id}/test`, { token: w.eastManager.token })).status,
    ).toBe(404);
  });
});

describe('delivery', () => {
  it('sends a test message through the queue, signed as 钉钉 and 飞书 specify', async () => {
    const token = w.orgA.managerToken;
    const ding = await createChannel(token, {
      teamId: w.eastId,
      platform: 'dingtalk',
      signingSecret: 'SECding',
    });
    const fei = await createChannel(token, {
      teamId: w.eastId,
      platform: 'feishu',
      signingSecret: 'fei-secret',
      language: 'zh',
    });
    expect((await call('POST', `/chat/channels/${ding.id}/test`, { token })).status).toBe(202);
    expect((await call('POST', `/chat/channels/${fei.id}/test`, { token })).status).toBe(202);

    const [d] = await waitFor(
      () => received(ding.path),
      (r) => r.length > 0,
    );
    expect(d?.body).toEqual({
      msgtype: 'text',
      text: { content: expect.stringContaining('Pacer') },
    });
    const ts = d?.query.timestamp ?? '';
    expect(Math.abs(Number(ts) - Date.now())).toBeLessThan(60_000);
    expect(d?.query.sign).toBe(await hmacBase64('SECding', `${ts}\nSECding`));

    const [f] = await waitFor(
      () => received(fei.path),
      (r) => r.length > 0,
    );
    expect(f?.body.msg_type).toBe('post');
    expect(f?.body.content.post.zh_cn.title).toContain('测试');
    expect(f?.body.sign).toBe(await hmacBase64(`${f?.body.timestamp}\nfei-secret`, ''));
    expect((await channelRow(ding.id))?.last_sent_at).not.toBeNull();
  });

  it('a receiver failing 3 times then answering gets the message exactly once', async () => {
    const token = w.orgA.managerToken;
    const ch = await createChannel(token, { teamId: w.eastId, platform: 'teams' });
    await failNext(ch.path, 3);
    const sent = await call('POST', `/chat/channels/${ch.id}/test`, { token });
    const row = await waitFor(
      () => outboxRow(sent.body.key),
      (r) => r?.status === 'sent',
    );
    expect(row?.status).toBe('sent');
    expect(row?.attempts).toBe(4);
    // Nothing more arrives later.
    await new Promise((r) => setTimeout(r, 2_500));
    const got = await received(ch.path);
    expect(got).toHaveLength(1);
    expect(got[0]?.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect((await channelRow(ch.id))?.failures).toBe(0);
  });

  it('dead-letters a message after the retry limit, and posts nothing', async () => {
    const token = w.orgA.managerToken;
    const ch = await createChannel(token, { teamId: w.eastId, platform: 'slack' });
    await failNext(ch.path, 1000);
    const sent = await call('POST', `/chat/channels/${ch.id}/test`, { token });
    const row = await waitFor(
      () => outboxRow(sent.body.key),
      (r) => r?.status === 'dead',
      40_000,
    );
    expect(row?.status).toBe('dead');
    // wrangler.toml: max_retries = 5, so 6 attempts.
    expect(row?.attempts).toBe(6);
    expect(await received(ch.path)).toEqual([]);
    const channel = await call('GET', `/chat/channels?team=${w.eastId}`, { token });
    const view = channel.body.channels.find((c: { id: string }) => c.id === ch.id);
    expect(view.failures).toBe(6);
    expect(view.lastError).toContain('500');
  }, 60_000);

  it('posts a message once when the queue redelivers it, in one batch or later', async () => {
    const ch = await createChannel(w.orgA.managerToken, { teamId: w.eastId, platform: 'wecom' });
    const key = `standings:${ch.id}:2026-01-05`;
    await stageQuietly(ch.id, key);
    const first = await consume([key, key]);
    expect(first.explicitAcks).toHaveLength(2);
    const again = await consume([key], 2);
    expect(again.explicitAcks).toHaveLength(1);
    expect(await received(ch.path)).toHaveLength(1);
    expect((await outboxRow(key))?.status).toBe('sent');
  });

  it('keeps to 20 messages a minute per 企业微信 robot; the rest wait without spending retries', async () => {
    const ch = await createChannel(w.orgA.managerToken, { teamId: w.eastId, platform: 'wecom' });
    const keys = Array.from({ length: 25 }, (_, i) => `standings:${ch.id}:burst-${i}`);
    // Staged in one call (several insert statements), and again: nothing twice.
    const burst = keys.map((key) => ({
      key,
      channelId: ch.id,
      kind: 'standings' as const,
      message: { title: key, lines: [] },
    }));
    const quiet = { ...workerEnv, CHAT_QUEUE: undefined };
    expect(await stage(db(), quiet, burst, new Date())).toEqual(keys);
    expect(await stage(db(), quiet, burst, new Date())).toEqual([]);
    const now = new Date('2030-01-01T09:00:00Z');
    const results = [];
    for (const key of keys) results.push(await deliver(db(), workerEnv, key, 1, now));
    expect(results.filter((r) => r.done)).toHaveLength(20);
    const waiting = results.filter((r) => !r.done);
    expect(waiting).toHaveLength(5);
    for (const r of waiting) expect(r).toEqual({ done: false, defer: 60 });
    expect(await received(ch.path)).toHaveLength(20);
    const later = new Date(now.getTime() + 60_000);
    for (const key of keys.slice(20))
      expect((await deliver(db(), workerEnv, key, 1, later)).done).toBe(true);
    expect(await received(ch.path)).toHaveLength(25);
  });

  it('pauses a channel that keeps failing, shows it paused, and resumes on its manager’s word', async () => {
    const token = w.eastManager.token;
    const ch = await createChannel(token, { teamId: w.eastId, platform: 'slack' });
    await failNext(ch.path, 1000);
    for (let i = 0; i < PAUSE_AFTER_FAILURES; i++) {
      const key = `standings:${ch.id}:fail-${i}`;
      await stageQuietly(ch.id, key);
      const r = await deliver(db(), workerEnv, key, 1);
      expect(r.done).toBe(false);
    }
    const list = await call('GET', `/chat/channels?team=${w.eastId}`, { token });
    const view = list.body.channels.find((c: { id: string }) => c.id === ch.id);
    expect(view.pausedAt).not.toBeNull();
    expect(view.failures).toBe(PAUSE_AFTER_FAILURES);
    // A paused channel posts nothing (the message is dropped, not retried).
    await stageQuietly(ch.id, `standings:${ch.id}:while-paused`);
    expect(await deliver(db(), workerEnv, `standings:${ch.id}:while-paused`, 1)).toEqual({
      done: true,
      result: 'dropped',
    });
    await failNext(ch.path, 0);
    const resumed = await call('PATCH', `/chat/channels/${ch.id}`, {
      token,
      body: { paused: false },
    });
    expect(resumed.body.channel.pausedAt).toBeNull();
    expect(resumed.body.channel.failures).toBe(0);
    await stageQuietly(ch.id, `standings:${ch.id}:resumed`);
    expect(await deliver(db(), workerEnv, `standings:${ch.id}:resumed`, 1)).toEqual({
      done: true,
      result: 'sent',
    });
    expect(await received(ch.path)).toHaveLength(1);
  });

  it('forwards announcements to the channels of the team they happened in and above', async () => {
    const token = w.orgA.managerToken;
    expect(
      (
        await call('PATCH', '/org', {
          token,
          body: {
            announcements: { dealAmountAtLeast: 100_000, tierReached: false, streakRecord: false },
          },
        })
      ).status,
    ).toBe(200);
    const on = { ...QUIET_OPTIONS, announcements: true };
    const east = await createChannel(token, { teamId: w.eastId, platform: 'slack', options: on });
    const root = await createChannel(token, {
      teamId: w.orgA.rootTeamId,
      platform: 'wecom',
      options: on,
      language: 'zh',
    });
    const west = await createChannel(token, { teamId: w.westId, platform: 'slack', options: on });
    const off = await createChannel(token, { teamId: w.eastId, platform: 'slack' });
    await tick(new Date()); // the first tick starts at the newest announcement
    const logged = await call('POST', '/events', {
      token: w.eastRep.token,
      body: { events: [event({ metric: 'revenue', quantity: 150_000 })] },
    });
    expect(logged.status).toBe(200);
    await tick(new Date());
    const [e] = await waitFor(
      () => received(east.path),
      (r) => r.length > 0,
    );
    expect(e?.body.blocks[0].text.text).toBe('🎉 East Rep closed a big one');
    const [r] = await waitFor(
      () => received(root.path),
      (x) => x.length > 0,
    );
    expect(r?.body.text.content).toContain('East Rep 签下大单');
    await tick(new Date());
    await new Promise((res) => setTimeout(res, 1_500));
    expect(await received(east.path)).toHaveLength(1);
    expect(await received(west.path)).toEqual([]);
    expect(await received(off.path)).toEqual([]);
    void hookUrl;
  });
});
