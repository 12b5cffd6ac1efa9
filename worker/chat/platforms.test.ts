import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dingtalkSign, feishuSign, readOutcome, webhookRequest } from './platforms.ts';
import { chatKey, open, seal, urlHint } from './secrets.ts';

// Fixtures are the examples of each platform's own documentation; signatures are recomputed with
// Node's crypto exactly as the documentation's sample code does, independently of WebCrypto.
const NOW = new Date('2026-03-02T09:15:00.000Z');

describe('钉钉 custom robot', () => {
  const hook = 'https://oapi.dingtalk.com/robot/send?access_token=XXXXXX';
  it('signs as documented: Base64(HmacSHA256(secret, timestamp+"\\n"+secret)), URL-encoded', async () => {
    const secret = 'this is secret';
    const ts = NOW.getTime();
    const expected = createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64');
    expect(await dingtalkSign(secret, ts)).toBe(expected);
    const req = await webhookRequest(
      'dingtalk',
      hook,
      secret,
      { title: 'x', lines: [] },
      'zh',
      NOW,
    );
    const url = new URL(req.url);
    expect(url.searchParams.get('access_token')).toBe('XXXXXX');
    expect(url.searchParams.get('timestamp')).toBe(String(ts));
    expect(url.searchParams.get('sign')).toBe(expected);
    // quote_plus of the base64: '+', '/' and '=' travel percent-encoded.
    expect(req.url).toContain(`&sign=${encodeURIComponent(expected)}`);
  });
  it('posts the documented text payload', async () => {
    const req = await webhookRequest(
      'dingtalk',
      hook,
      null,
      { title: '我就是我, 是不一样的烟火', lines: [] },
      'zh',
      NOW,
    );
    expect(req.url).toBe(hook);
    expect(req.body).toEqual({ msgtype: 'text', text: { content: '我就是我, 是不一样的烟火' } });
  });
});

describe('企业微信 group robot', () => {
  it('posts the documented text payload to the webhook as given', async () => {
    const hook =
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
    const req = await webhookRequest(
      'wecom',
      hook,
      null,
      { title: 'hello world', lines: [] },
      'zh',
      NOW,
    );
    expect(req).toEqual({ url: hook, body: { msgtype: 'text', text: { content: 'hello world' } } });
  });
  it('keeps content within 2048 bytes of UTF-8', async () => {
    const lines = Array.from({ length: 60 }, () => '销售冠军'.repeat(20));
    const req = await webhookRequest(
      'wecom',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      null,
      { title: 't', lines },
      'zh',
      NOW,
    );
    const content = (req.body as { text: { content: string } }).text.content;
    expect(new TextEncoder().encode(content).length).toBeLessThanOrEqual(2048);
    expect(content.endsWith('…')).toBe(true);
  });
});

describe('飞书 / Lark custom bot', () => {
  const hook = 'https://open.feishu.cn/open-apis/bot/v2/hook/xxxxxxxxxxxxxxxxx';
  it('signs as documented: Base64(HmacSHA256(key=timestamp+"\\n"+secret, message=""))', async () => {
    const secret = 'demo-secret';
    const ts = 1599360473;
    const expected = createHmac('sha256', `${ts}\n${secret}`)
      .update(Buffer.alloc(0))
      .digest('base64');
    expect(await feishuSign(secret, ts)).toBe(expected);
  });
  it('posts the documented rich-text (post) shape, with timestamp and sign in the body when signed', async () => {
    const message = { title: '项目更新通知', lines: ['项目有更新: ', '第二行'] };
    const unsigned = await webhookRequest('feishu', hook, null, message, 'zh', NOW);
    expect(unsigned).toEqual({
      url: hook,
      body: {
        msg_type: 'post',
        content: {
          post: {
            zh_cn: {
              title: '项目更新通知',
              content: [[{ tag: 'text', text: '项目有更新: ' }], [{ tag: 'text', text: '第二行' }]],
            },
          },
        },
      },
    });
    const signed = await webhookRequest('feishu', hook, 'demo-secret', message, 'en', NOW);
    const ts = Math.floor(NOW.getTime() / 1000);
    expect(signed.body).toMatchObject({
      timestamp: String(ts),
      sign: createHmac('sha256', `${ts}\ndemo-secret`).update('').digest('base64'),
      msg_type: 'post',
      content: { post: { en_us: { title: '项目更新通知' } } },
    });
  });
});

describe('Slack incoming webhook', () => {
  it('posts text plus plain-text blocks, escaping &, < and > in the text', async () => {
    const hook = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
    const req = await webhookRequest(
      'slack',
      hook,
      null,
      { title: 'Hello, world.', lines: ['<@here> & co'] },
      'en',
      NOW,
    );
    expect(req).toEqual({
      url: hook,
      body: {
        text: 'Hello, world.\n&lt;@here&gt; &amp; co',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'Hello, world.' } },
          { type: 'section', text: { type: 'plain_text', text: '<@here> & co' } },
        ],
      },
    });
  });
});

describe('Microsoft Teams Workflows webhook', () => {
  it('posts a message with one Adaptive Card attachment of text runs', async () => {
    const hook =
      'https://prod-00.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=x';
    const req = await webhookRequest(
      'teams',
      hook,
      null,
      { title: 'Hello World', lines: ['[link](https://evil.example)'] },
      'en',
      NOW,
    );
    expect(req.body).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              {
                type: 'RichTextBlock',
                inlines: [
                  { type: 'TextRun', text: 'Hello World', weight: 'Bolder', size: 'Medium' },
                ],
              },
              {
                type: 'RichTextBlock',
                inlines: [{ type: 'TextRun', text: '[link](https://evil.example)' }],
              },
            ],
          },
        },
      ],
    });
  });
});

describe('reading answers', () => {
  it('tells success, rate limits and failures apart per platform', () => {
    expect(readOutcome('wecom', 200, '{"errcode":0,"errmsg":"ok"}', null)).toEqual({
      outcome: 'sent',
    });
    expect(
      readOutcome('wecom', 200, '{"errcode":45009,"errmsg":"api freq out of limit"}', null),
    ).toEqual({ outcome: 'rate_limited', retryAfterSeconds: 60 });
    expect(
      readOutcome('wecom', 200, '{"errcode":93000,"errmsg":"invalid webhook url"}', null).outcome,
    ).toBe('failed');
    expect(readOutcome('dingtalk', 200, '{"errcode":0,"errmsg":"ok"}', null).outcome).toBe('sent');
    expect(
      readOutcome('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}', null).outcome,
    ).toBe('failed');
    expect(
      readOutcome('dingtalk', 200, '{"errcode":130101,"errmsg":"send too fast"}', null).outcome,
    ).toBe('rate_limited');
    expect(readOutcome('feishu', 200, '{"code":0,"msg":"success","data":{}}', null).outcome).toBe(
      'sent',
    );
    expect(
      readOutcome(
        'feishu',
        200,
        '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}',
        null,
      ).outcome,
    ).toBe('failed');
    expect(
      readOutcome('feishu', 200, '{"code":11232,"msg":"frequency limited"}', null).outcome,
    ).toBe('rate_limited');
    expect(readOutcome('slack', 200, 'ok', null).outcome).toBe('sent');
    expect(readOutcome('slack', 429, 'rate_limited', '7')).toEqual({
      outcome: 'rate_limited',
      retryAfterSeconds: 7,
    });
    expect(readOutcome('slack', 404, 'no_service', null).outcome).toBe('failed');
    expect(readOutcome('teams', 202, '', null).outcome).toBe('sent');
    expect(readOutcome('teams', 500, 'boom', null)).toEqual({
      outcome: 'failed',
      error: 'HTTP 500 boom',
    });
    expect(readOutcome('wecom', 200, 'not json', null).outcome).toBe('failed');
  });
});

describe('secrets at rest', () => {
  const raw = Buffer.alloc(32, 7).toString('base64');
  it('round-trips under the key and the channel id, and opens nothing else', async () => {
    const key = await chatKey(raw);
    if (!key) throw new Error('no key');
    const sealed = await seal(key, 'https://hooks.slack.com/services/T/B/X', 'channel-1');
    expect(sealed).not.toContain('hooks.slack.com');
    expect(await open(key, sealed, 'channel-1')).toBe('https://hooks.slack.com/services/T/B/X');
    expect(await open(key, sealed, 'channel-2')).toBeNull();
    const other = await chatKey(Buffer.alloc(32, 8).toString('base64'));
    if (!other) throw new Error('no key');
    expect(await open(other, sealed, 'channel-1')).toBeNull();
    expect(await open(key, `${sealed.slice(0, -2)}AA`, 'channel-1')).toBeNull();
  });
  it('refuses a key that is not 32 bytes of base64', async () => {
    expect(await chatKey(undefined)).toBeNull();
    expect(await chatKey('short')).toBeNull();
    expect(await chatKey('@@@')).toBeNull();
  });
  it('hints at a URL by host and last characters only', () => {
    expect(urlHint('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a-5aaa')).toBe(
      'qyapi.weixin.qq.com …5aaa',
    );
  });
});
