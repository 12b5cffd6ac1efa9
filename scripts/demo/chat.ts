/**
 * The demo organisation's team chat: one channel of each kind on the root team, all pointed at
 * the local receiver (scripts/demo/chat-receiver.ts), which prints what each one gets. Created
 * once; a test message goes to each on every start so the receiver shows every platform's payload.
 */
import type { ChatChannelView } from '../../shared/api/index.ts';

async function api<T>(base: string, method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

const OPTIONS = {
  announcements: true,
  standings: { enabled: true, time: '17:30', period: 'day' },
  alerts: { enabled: true, time: '11:00', metric: 'calls', atLeast: 10, streakAtRisk: true },
  review: { enabled: true, time: '17:00' },
};

const DEMO_CHANNELS = [
  { platform: 'wecom', name: '销售一部（企业微信）', language: 'zh' },
  {
    platform: 'dingtalk',
    name: '销售群（钉钉）',
    language: 'zh',
    signingSecret: 'SECdemo-dingtalk',
  },
  { platform: 'feishu', name: '销售群（飞书）', language: 'zh', signingSecret: 'demo-feishu' },
  { platform: 'slack', name: '#sales (Slack)', language: 'en' },
  { platform: 'teams', name: 'Sales (Teams)', language: 'en' },
] as const;

export async function seedDemoChat(
  base: string,
  managerToken: string,
  receiverUrl: string,
): Promise<number> {
  const me = await api<{ team: { id: string } }>(base, 'GET', '/me', managerToken);
  let { channels } = await api<{ channels: ChatChannelView[] }>(
    base,
    'GET',
    '/chat/channels',
    managerToken,
  );
  if (channels.length === 0) {
    for (const c of DEMO_CHANNELS) {
      await api(base, 'POST', '/chat/channels', managerToken, {
        ...c,
        teamId: me.team.id,
        webhookUrl: `${receiverUrl}/${c.platform}/demo`,
        options: OPTIONS,
      });
    }
    ({ channels } = await api<{ channels: ChatChannelView[] }>(
      base,
      'GET',
      '/chat/channels',
      managerToken,
    ));
  }
  for (const c of channels) await api(base, 'POST', `/chat/channels/${c.id}/test`, managerToken);
  return channels.length;
}
