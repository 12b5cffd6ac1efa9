import { describe, expect, it } from 'vitest';
import { CreateChatChannelRequest, webhookUrlProblem } from './chat.ts';

describe('webhook URLs', () => {
  const ok: Array<[Parameters<typeof webhookUrlProblem>[0], string]> = [
    [
      'wecom',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa',
    ],
    ['dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=XXXXXX'],
    ['feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/xxxxxxxxxxxxxxxxx'],
    ['feishu', 'https://open.larksuite.com/open-apis/bot/v2/hook/5e3d587e-d78e-4a07'],
    ['slack', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'],
    [
      'teams',
      'https://prod-12.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01',
    ],
    [
      'teams',
      'https://default1234.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke',
    ],
  ];
  it.each(ok)('accepts a %s webhook on its official host', (platform, url) => {
    expect(webhookUrlProblem(platform, url, false)).toBeNull();
  });

  const bad: Array<[Parameters<typeof webhookUrlProblem>[0], string]> = [
    ['wecom', 'https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send'],
    ['wecom', 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'],
    ['wecom', 'https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=k'],
    ['dingtalk', 'https://user:pw@oapi.dingtalk.com/robot/send?access_token=x'],
    ['dingtalk', 'https://oapi.dingtalk.com/other?access_token=x'],
    ['feishu', 'https://open.feishu.cn/open-apis/other'],
    ['slack', 'https://hooks.slack.com.evil.example/services/T/B/X'],
    ['slack', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'],
    ['teams', 'https://logic.azure.com/workflows/x'],
    ['teams', 'https://evil.example/?.logic.azure.com/workflows/x'],
    ['teams', 'https://169.254.169.254/latest/meta-data'],
    ['slack', 'http://localhost:8080/hook'],
    ['slack', 'http://10.0.0.1/services/T/B/X'],
    ['slack', 'not a url'],
  ];
  it.each(bad)('refuses %s %s', (platform, url) => {
    expect(webhookUrlProblem(platform, url, false)).not.toBeNull();
  });

  it('allows plain http to loopback only when the development setting says so', () => {
    expect(webhookUrlProblem('slack', 'http://127.0.0.1:9999/slack', true)).toBeNull();
    expect(webhookUrlProblem('slack', 'http://localhost:9999/slack', true)).toBeNull();
    expect(webhookUrlProblem('slack', 'http://127.0.0.1:9999/slack', false)).not.toBeNull();
    expect(webhookUrlProblem('slack', 'http://127.0.0.2:9999/slack', true)).not.toBeNull();
  });

  it('accepts a signing secret only for the signed platforms', () => {
    const base = { teamId: 't', name: 'Sales', language: 'en' as const };
    expect(
      CreateChatChannelRequest.safeParse({
        ...base,
        platform: 'slack',
        webhookUrl: ok[4]?.[1],
        signingSecret: 's',
      }).success,
    ).toBe(false);
    expect(
      CreateChatChannelRequest.safeParse({
        ...base,
        platform: 'dingtalk',
        webhookUrl: ok[1]?.[1],
        signingSecret: 'SEC1',
      }).success,
    ).toBe(true);
  });
});
