/**
 * The leaderboard page's routes: the session (cookie) sign-in and the one-time sign-in link the
 * extension's "Open leaderboard" asks for, TV links, the page's own reads (trends, activity) and
 * the managers' CSV exports.
 */
import { z } from 'zod';
import { Id, Instant, LocalDate, MetricId } from './common.ts';
import { LeaderboardQuery } from './progress.ts';
import { OrgSettings } from './settings.ts';

/** `POST /api/v1/session/codes`: a link that signs its first visitor in within 60 s, once. */
export const SigninCodeResponse = z.object({
  code: z.string(),
  url: z.url({ protocol: /^https?$/ }),
  expiresAt: Instant,
});
export type SigninCodeResponse = z.infer<typeof SigninCodeResponse>;

/** A sign-in link's code (`/signin?code=…`): what `POST /api/v1/session/codes` hands out. */
export const SigninCode = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a sign-in code');

/**
 * `POST /api/v1/session/signin`: the page spends a sign-in link's code once the member confirmed
 * (same origin only; replacing an open session also needs its CSRF secret).
 */
export const SigninRequest = z.object({ code: SigninCode });

/** `GET /api/v1/session`: the page's CSRF secret for cookie writes. */
export const SessionInfoResponse = z.object({
  csrfToken: z.string(),
  expiresAt: Instant,
  memberId: Id,
});
export type SessionInfoResponse = z.infer<typeof SessionInfoResponse>;

/** `POST /api/v1/session` (bearer → cookie) and `POST /api/v1/session/signin` (code → cookie). */
export const StartSessionResponse = SessionInfoResponse;

export const CreateTvLinkRequest = z.object({ teamId: Id });

export const TvLinkView = z.object({
  id: Id,
  teamId: Id,
  createdAt: Instant,
  revokedAt: Instant.nullable(),
});
export type TvLinkView = z.infer<typeof TvLinkView>;

/** The token is shown once, here; only its hash is kept. */
export const CreateTvLinkResponse = z.object({ link: TvLinkView, token: z.string(), url: z.url() });
export const ListTvLinksResponse = z.object({ links: z.array(TvLinkView) });
export const TvLinkResponse = z.object({ link: TvLinkView });

/** `GET /api/v1/tv/info` (header `x-pacer-tv`): which team and org a TV link shows. */
export const TvInfoResponse = z.object({
  team: z.object({ id: Id, name: z.string() }),
  org: z.object({ name: z.string(), settings: OrgSettings }),
});

/** Longest range of `GET /api/v1/page/trends` and `GET /api/v1/export/events.csv`. */
export const MAX_PAGE_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;
// A date-only ISO string parses as that day's UTC midnight, so the difference is whole days.
// Refinements run even when a date failed its own check: a date that does not parse passes here.
const withinRange = (q: { from: string; to: string }) =>
  !((Date.parse(q.to) - Date.parse(q.from)) / DAY_MS >= MAX_PAGE_RANGE_DAYS);

export const TrendsQuery = z
  .object({ team: Id, from: LocalDate, to: LocalDate, metric: MetricId })
  .refine((q) => q.from <= q.to, 'from must not be after to')
  .refine(withinRange, `at most ${MAX_PAGE_RANGE_DAYS} days`);

/** Each visible member's daily totals of one metric, one number per day of `days`. */
export const TrendsResponse = z.object({
  metric: z.string(),
  from: z.string(),
  to: z.string(),
  days: z.array(z.string()),
  series: z.record(z.string(), z.array(z.number())),
});

export const ActivityQuery = z.object({ team: Id, date: LocalDate.optional() });

/** A team's totals per metric for one day (the TV activity board). */
export const ActivityResponse = z.object({
  date: z.string(),
  totals: z.record(z.string(), z.number()),
});

/**
 * `GET /api/v1/export/leaderboard.csv`: the board's query, plus the language its words (pace,
 * tier, standing) are written in, as a BCP 47 tag ("zh-CN"); English when Pacer does not speak it.
 */
export const LeaderboardExportQuery = LeaderboardQuery.extend({
  lang: z.string().max(35).optional(),
});

export const EventsExportQuery = z
  .object({ team: Id.optional(), from: LocalDate, to: LocalDate })
  .refine((q) => q.from <= q.to, 'from must not be after to')
  .refine(withinRange, `at most ${MAX_PAGE_RANGE_DAYS} days`);
