import { z } from 'zod';
import { ClockTime, DisplayName, Id, Instant, MetricId, TimeZone } from './common.ts';

// Team chat channels: a team's group chat robot that Pacer posts announcements, standings and
// behind-pace alerts to. The worker side is worker/chat/ (docs/architecture.md, "Team chat").

export const CHAT_PLATFORMS = ['wecom', 'dingtalk', 'feishu', 'slack', 'teams'] as const;
export const ChatPlatform = z.enum(CHAT_PLATFORMS);
export type ChatPlatform = z.infer<typeof ChatPlatform>;

/**
 * The hosts each platform's webhooks live on. Pacer posts only there, so a stored URL cannot make
 * the worker request an arbitrary address. A `.`-prefixed entry is a domain suffix (Teams
 * Workflows URLs are `prod-NN.<region>.logic.azure.com` or `<env>.environment.api.powerplatform.com`).
 */
export const PLATFORM_HOSTS: Record<ChatPlatform, readonly string[]> = {
  wecom: ['qyapi.weixin.qq.com'],
  dingtalk: ['oapi.dingtalk.com'],
  feishu: ['open.feishu.cn', 'open.larksuite.com'],
  slack: ['hooks.slack.com'],
  teams: ['.logic.azure.com', '.api.powerplatform.com'],
};

/** The path every webhook of a platform starts with (and the query parameter its key is in). */
const PLATFORM_PATHS: Record<ChatPlatform, { path: RegExp; query?: string }> = {
  wecom: { path: /^\/cgi-bin\/webhook\/send$/, query: 'key' },
  dingtalk: { path: /^\/robot\/send$/, query: 'access_token' },
  feishu: { path: /^\/open-apis\/bot\/v2\/hook\/[\w-]+$/ },
  slack: { path: /^\/services\/[\w/]+$/ },
  teams: { path: /\/workflows\/|\/powerautomate\// },
};

/** Loopback hosts a development setting may allow (the demo receiver, the tests). */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

export const isLoopbackUrl = (url: URL) =>
  url.protocol === 'http:' && (LOOPBACK_HOSTS as readonly string[]).includes(url.hostname);

function hostMatches(host: string, allowed: readonly string[]): boolean {
  return allowed.some((a) =>
    a.startsWith('.') ? host.endsWith(a) && host.length > a.length : host === a,
  );
}

/**
 * Why `raw` is not a webhook of `platform`, or null when it is: https on one of the platform's
 * hosts (default port, no user info) and the platform's path; with `allowLoopback`, also plain
 * http to localhost (development only).
 */
export function webhookUrlProblem(
  platform: ChatPlatform,
  raw: string,
  allowLoopback: boolean,
): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.username !== '' || url.password !== '') return 'a webhook URL carries no user name';
  if (isLoopbackUrl(url)) return allowLoopback ? null : 'local addresses are not allowed';
  if (url.protocol !== 'https:' || url.port !== '') return 'a webhook URL is https on port 443';
  if (!hostMatches(url.hostname, PLATFORM_HOSTS[platform])) {
    return `not a ${platform} webhook host (${PLATFORM_HOSTS[platform].join(', ')})`;
  }
  const rule = PLATFORM_PATHS[platform];
  if (!rule.path.test(url.pathname)) return `not a ${platform} webhook path`;
  if (rule.query && !url.searchParams.get(rule.query)) return `the URL needs its ${rule.query}`;
  return null;
}

const WebhookUrl = z.string().trim().min(1).max(2048);
/** A signing secret as the platform shows it (钉钉 `SEC…`, 飞书 a random string). */
const SigningSecret = z.string().trim().min(1).max(256);

/** Standings of the team at a time of day, on workdays. */
export const ChatStandings = z.object({
  enabled: z.boolean(),
  time: ClockTime,
  /** The period the standings are of: today, this week or this month so far. */
  period: z.enum(['day', 'week', 'month']),
});
export type ChatStandings = z.infer<typeof ChatStandings>;

/** Behind-pace alerts at a time of day, on workdays. */
export const ChatAlerts = z.object({
  enabled: z.boolean(),
  time: ClockTime,
  /** "fewer than `atLeast` `metric` by `time`" (e.g. 10 calls by 11:00). */
  metric: MetricId,
  atLeast: z.number().int().min(1).max(100_000),
  /** Also name reps whose streak ends today unless they reach the daily points goal. */
  streakAtRisk: z.boolean(),
});
export type ChatAlerts = z.infer<typeof ChatAlerts>;

/**
 * The weekly review digest (复盘): on the last workday of each week of the team calendar, at a
 * time of day, the team's attainment and where each rep's funnel lost the most (worker/reviews/).
 */
export const ChatReviewDigest = z.object({ enabled: z.boolean(), time: ClockTime });
export type ChatReviewDigest = z.infer<typeof ChatReviewDigest>;

/** Off until a manager turns it on; channels saved before it existed read as off too. */
export const DEFAULT_REVIEW_DIGEST: ChatReviewDigest = { enabled: false, time: '17:00' };

/** What a channel posts; each switchable. */
export const ChatChannelOptions = z.object({
  /** The moments the board announces (big deals, tiers, milestones, records, contest wins). */
  announcements: z.boolean(),
  standings: ChatStandings,
  alerts: ChatAlerts,
  review: ChatReviewDigest.default(DEFAULT_REVIEW_DIGEST),
});
export type ChatChannelOptions = z.infer<typeof ChatChannelOptions>;

export const DEFAULT_CHAT_OPTIONS: ChatChannelOptions = {
  announcements: true,
  standings: { enabled: true, time: '17:30', period: 'day' },
  alerts: { enabled: false, time: '11:00', metric: 'calls', atLeast: 10, streakAtRisk: true },
  review: DEFAULT_REVIEW_DIGEST,
};

/** The language messages are written in. */
export const ChatLanguage = z.enum(['en', 'zh']);

export const CreateChatChannelRequest = z
  .object({
    teamId: Id,
    platform: ChatPlatform,
    name: DisplayName(60),
    language: ChatLanguage,
    /** The team's time zone for schedules; default the organisation calendar's. */
    timezone: TimeZone.optional(),
    /** Secret: stored encrypted, never answered back. */
    webhookUrl: WebhookUrl,
    /** 钉钉 and 飞书 signed robots only; secret like the URL. */
    signingSecret: SigningSecret.optional(),
    options: ChatChannelOptions.default(DEFAULT_CHAT_OPTIONS),
  })
  .superRefine((req, ctx) => {
    // Loopback passes here; the worker refuses it unless its development setting allows it.
    const problem = webhookUrlProblem(req.platform, req.webhookUrl, true);
    if (problem) ctx.addIssue({ code: 'custom', path: ['webhookUrl'], message: problem });
    if (req.signingSecret && req.platform !== 'dingtalk' && req.platform !== 'feishu') {
      ctx.addIssue({
        code: 'custom',
        path: ['signingSecret'],
        message: 'only 钉钉 and 飞书 robots are signed',
      });
    }
  });
export type CreateChatChannelRequest = z.input<typeof CreateChatChannelRequest>;

/** A change; a new URL or secret replaces the stored one, `null` secret removes it. */
export const UpdateChatChannelRequest = z
  .object({
    name: DisplayName(60),
    language: ChatLanguage,
    timezone: TimeZone,
    webhookUrl: WebhookUrl,
    signingSecret: SigningSecret.nullable(),
    options: ChatChannelOptions,
    /** false resumes a paused channel (its failure count starts again); true pauses it. */
    paused: z.boolean(),
  })
  .partial()
  .refine((r) => Object.keys(r).length > 0, 'nothing to change');
export type UpdateChatChannelRequest = z.infer<typeof UpdateChatChannelRequest>;

/** A channel as the API shows it: never the URL or secret, only where it points. */
export const ChatChannelView = z.object({
  id: Id,
  teamId: Id,
  platform: ChatPlatform,
  name: z.string(),
  language: ChatLanguage,
  timezone: z.string(),
  /** e.g. `qyapi.weixin.qq.com …5aaa`: enough to recognise the robot, not to use it. */
  webhookHint: z.string(),
  signed: z.boolean(),
  options: ChatChannelOptions,
  /** Set when the channel stopped posting after failing again and again (or by hand). */
  pausedAt: Instant.nullable(),
  /** Failed deliveries in a row (0 after a success). */
  failures: z.number().int().min(0),
  lastError: z.string().nullable(),
  lastSentAt: Instant.nullable(),
  createdAt: Instant,
});
export type ChatChannelView = z.infer<typeof ChatChannelView>;

export const ChatChannelResponse = z.object({ channel: ChatChannelView });
export const ChatChannelsResponse = z.object({ channels: z.array(ChatChannelView) });
export const ChatChannelsQuery = z.object({ team: Id.optional() });

/** A test message was queued under `key` (the outbox's idempotency key). */
export const ChatTestResponse = z.object({ key: z.string() });
