/**
 * Each chat platform's webhook request, in the payload shape and signing scheme of its own
 * documentation, and how to read its answer. Fixtures: platforms.test.ts.
 *
 * - 企业微信 group robot: POST the webhook URL (`…/cgi-bin/webhook/send?key=`), `{"msgtype":"text",
 *   "text":{"content"}}` (content ≤ 2048 bytes); answers `{"errcode":0}`; 20 messages a minute.
 * - 钉钉 custom robot: POST `…/robot/send?access_token=`, `{"msgtype":"text","text":{"content"}}`;
 *   signed robots add `&timestamp=<ms>&sign=<urlencode(base64(HmacSHA256(key=secret,
 *   timestamp+"\n"+secret)))>`; answers `{"errcode":0}`; 20 messages a minute.
 * - 飞书 / Lark custom bot: POST `…/open-apis/bot/v2/hook/<id>`, `{"msg_type":"post","content":
 *   {"post":{"zh_cn"|"en_us":{"title","content":[[{"tag":"text","text"}]]}}}}`; signed bots add
 *   `"timestamp":"<s>","sign":"<base64(HmacSHA256(key=timestamp+"\n"+secret, message=""))>"` to the
 *   body; answers `{"code":0}`; 100 a minute (11232 when over).
 * - Slack incoming webhook: POST `hooks.slack.com/services/…`, `{"text", "blocks":[header,
 *   section]}` with plain_text blocks; answers `ok`; about one message a second (429 when over).
 * - Microsoft Teams Workflows webhook: POST the flow's URL, `{"type":"message","attachments":[{
 *   "contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,"content":<Adaptive
 *   Card>}]}`; answers 202.
 */
import type { ChatPlatform } from '../../shared/api/index.ts';
import { type ChatMessage, fitBytes, plainText } from './message.ts';

/** Messages a minute Pacer sends to one webhook of each platform (the platform's limit or below). */
export const RATE_PER_MINUTE: Record<ChatPlatform, number> = {
  wecom: 20,
  dingtalk: 20,
  feishu: 100,
  slack: 60,
  teams: 60,
};

export interface WebhookRequest {
  url: string;
  body: unknown;
}

const encoder = new TextEncoder();

function base64(bytes: ArrayBuffer): string {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary);
}

async function hmacSha256(key: string, message: string): Promise<ArrayBuffer> {
  const k = await crypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return crypto.subtle.sign('HMAC', k, encoder.encode(message));
}

/** 钉钉: Base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret)), before URL encoding. */
export async function dingtalkSign(secret: string, timestampMs: number): Promise<string> {
  return base64(await hmacSha256(secret, `${timestampMs}\n${secret}`));
}

/** 飞书 / Lark: Base64(HmacSHA256(key = timestamp + "\n" + secret, message = empty)). */
export async function feishuSign(secret: string, timestampSeconds: number): Promise<string> {
  return base64(await hmacSha256(`${timestampSeconds}\n${secret}`, ''));
}

function wecomBody(m: ChatMessage) {
  return { msgtype: 'text', text: { content: fitBytes(plainText(m), 2048) } };
}

function dingtalkBody(m: ChatMessage) {
  return { msgtype: 'text', text: { content: fitBytes(plainText(m), 18_000) } };
}

function feishuBody(m: ChatMessage, language: 'en' | 'zh') {
  const post = {
    title: m.title,
    content: m.lines.map((line) => [{ tag: 'text', text: line }]),
  };
  return { msg_type: 'post', content: { post: { [language === 'zh' ? 'zh_cn' : 'en_us']: post } } };
}

/** Slack's three characters to escape in `text` (it is read as mrkdwn). */
const slackEscape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function slackBody(m: ChatMessage) {
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: m.title.slice(0, 150) } },
  ];
  if (m.lines.length > 0) {
    blocks.push({
      type: 'section',
      text: { type: 'plain_text', text: m.lines.join('\n').slice(0, 3000) },
    });
  }
  return { text: slackEscape(plainText(m)).slice(0, 4000), blocks };
}

/** Text runs are never read as markdown, so a name cannot turn into a link or formatting. */
function teamsBody(m: ChatMessage) {
  const run = (text: string, extra: Record<string, unknown> = {}) => ({
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text, ...extra }],
  });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [run(m.title, { weight: 'Bolder', size: 'Medium' }), ...m.lines.map((l) => run(l))],
        },
      },
    ],
  };
}

/** The request to post `message` to a webhook of `platform`, signed with `secret` when given. */
export async function webhookRequest(
  platform: ChatPlatform,
  webhookUrl: string,
  secret: string | null,
  message: ChatMessage,
  language: 'en' | 'zh',
  now: Date,
): Promise<WebhookRequest> {
  switch (platform) {
    case 'wecom':
      return { url: webhookUrl, body: wecomBody(message) };
    case 'dingtalk': {
      if (!secret) return { url: webhookUrl, body: dingtalkBody(message) };
      const timestamp = now.getTime();
      const url = new URL(webhookUrl);
      url.searchParams.set('timestamp', String(timestamp));
      url.searchParams.set('sign', await dingtalkSign(secret, timestamp));
      return { url: url.toString(), body: dingtalkBody(message) };
    }
    case 'feishu': {
      const body = feishuBody(message, language);
      if (!secret) return { url: webhookUrl, body };
      const timestamp = Math.floor(now.getTime() / 1000);
      return {
        url: webhookUrl,
        body: { timestamp: String(timestamp), sign: await feishuSign(secret, timestamp), ...body },
      };
    }
    case 'slack':
      return { url: webhookUrl, body: slackBody(message) };
    case 'teams':
      return { url: webhookUrl, body: teamsBody(message) };
  }
}

/** What a platform's answer means: delivered, over its rate limit (try later), or failed. */
export type Outcome =
  | { outcome: 'sent' }
  | { outcome: 'rate_limited'; retryAfterSeconds: number }
  | { outcome: 'failed'; error: string };

/** Answer codes that mean "too many messages" rather than a broken channel. */
const RATE_LIMIT_CODES: Partial<Record<ChatPlatform, number>> = {
  wecom: 45009,
  dingtalk: 130101,
  feishu: 11232,
};

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Reads a webhook's answer. The Chinese platforms answer 200 with an error code in the body. */
export function readOutcome(
  platform: ChatPlatform,
  status: number,
  text: string,
  retryAfter: string | null,
): Outcome {
  const wait = Math.min(Math.max(Number(retryAfter) || 60, 1), 3600);
  if (status === 429) return { outcome: 'rate_limited', retryAfterSeconds: wait };
  const brief = text.slice(0, 200);
  if (status < 200 || status >= 300) return { outcome: 'failed', error: `HTTP ${status} ${brief}` };
  if (platform === 'slack' || platform === 'teams') return { outcome: 'sent' };
  const json = parseJson(text);
  const code = platform === 'feishu' ? (json?.code ?? json?.StatusCode) : json?.errcode;
  if (code === 0) return { outcome: 'sent' };
  if (code !== undefined && code === RATE_LIMIT_CODES[platform]) {
    return { outcome: 'rate_limited', retryAfterSeconds: 60 };
  }
  return { outcome: 'failed', error: `HTTP ${status} ${brief}` };
}
