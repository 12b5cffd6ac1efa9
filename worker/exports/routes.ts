/**
 * CSV exports for managers: `GET /api/v1/export/leaderboard.csv` (the board the leaderboard
 * service builds for the caller, re-shaped, so rankings can never disagree with the board; its
 * pace, tier and standing as codes and, with `lang`, as the words the board shows) and
 * `GET /api/v1/export/events.csv` (every logged event of a team's subtree between two dates,
 * voided ones marked; the one place raw events are read, bounded to a year). Amounts are written
 * in major units with the currency's own decimals (shared/domain/money.ts: 1250.50 CNY, 1500 JPY,
 * 1.250 BHD) beside a `currency` column, so a spreadsheet reads them as they are meant; a
 * collection's `deal_event_id` names the deal log it pays; a won deal's `category` is its product
 * category's id as it stands now (it may be changed after the fact).
 */
import { and, asc, between, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  EventsExportQuery,
  isRanking,
  LeaderboardExportQuery,
  type OrgSettings,
} from '../../shared/api/index.ts';
import { inLanguage } from '../../shared/domain/language.ts';
import { STANDING_LABELS } from '../../shared/domain/membership.ts';
import { findMetric } from '../../shared/domain/metrics.ts';
import { amountText } from '../../shared/domain/money.ts';
import { PACE_LABELS } from '../../shared/domain/pace.ts';
import { findRatio } from '../../shared/domain/ratios.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { AppEnv } from '../context.ts';
import { events, members } from '../db/schema.ts';
import { managedTeamOr403 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { ApiError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { boardError } from '../leaderboard/routes.ts';
import { leaderboard } from '../leaderboard/service.ts';
import { documented } from '../openapi/describe.ts';
import { loadTeams } from '../teams/queries.ts';
import { csvResponse, toCsv } from './csv.ts';

const MAX_EXPORT_EVENTS = 100_000;

const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40);

/**
 * How a metric's values go into a CSV: amounts as exact major units, counts as they are; a ratio
 * KPI per unit in major units (rounded to the minor unit) or in percent to one decimal.
 */
function columnOf(settings: OrgSettings, metric: string) {
  const ratio = findRatio(metric);
  if (ratio) {
    const money = ratio.format === 'money';
    return {
      currency: money ? settings.currency : '',
      cell: (value: number) =>
        money ? amountText(Math.round(value), settings.currency) : Math.round(value * 10) / 10,
    };
  }
  const currency = findMetric(metric, settings)?.kind === 'amount' ? settings.currency : null;
  return {
    currency: currency ?? '',
    cell: (value: number) => (currency === null ? value : amountText(value, currency)),
  };
}

const EventDetails = z.object({
  source: z.object({ app: z.string(), url: z.string().optional() }).partial().optional(),
  contact: z.object({ name: z.string(), email: z.string() }).partial().optional(),
  note: z.string().optional(),
  deal: z.string().optional(),
});

export const exportRoutes = new Hono<AppEnv>()
  .use(requireMember, requireManager)
  .get(
    '/leaderboard.csv',
    documented({
      summary: 'The leaderboard as CSV (the same board as GET /api/v1/leaderboard)',
      auth: 'manager',
      responses: { 200: 'text/csv' },
    }),
    validate('query', LeaderboardExportQuery),
    async (c) => {
      const { lang, ...query } = c.req.valid('query');
      const board = await leaderboard(c.var.db, c.var.caller, query);
      if ('refused' in board) throw boardError(board);
      // achieved and target are the ranked metric's when ranking by a metric, else the primary's.
      const settings = c.var.caller.settings;
      const ranked = isRanking(board.by) ? null : columnOf(settings, board.by);
      const shown = ranked ?? columnOf(settings, settings.primaryMetric);
      // The words the board shows beside the codes, in the language asked for.
      const tierName = (id: string | null) => {
        const tier = settings.tiers.ladder.find((x) => x.id === id);
        return tier ? inLanguage(tier.name, lang) : id;
      };
      const rows = board.entries.map((e) => [
        e.rank,
        e.member.name,
        e.member.id,
        e.value === null || ranked === null ? e.value : ranked.cell(e.value),
        shown.cell(e.achieved),
        shown.cell(e.target),
        shown.currency,
        e.percent === null ? null : Math.round(e.percent * 10) / 10,
        e.tier,
        e.streak,
        e.points,
        // Empty for a closed or future period: only a running one has a pace.
        e.pace ? inLanguage(PACE_LABELS[e.pace], lang) : null,
        tierName(e.tier),
        e.standing ? inLanguage(STANDING_LABELS[e.standing], lang) : null,
      ]);
      const csv = toCsv(
        [
          'rank',
          'member',
          'member_id',
          `value_${board.by}`,
          'achieved',
          'target',
          'currency',
          'percent',
          'tier',
          'streak',
          'points',
          'pace',
          'tier_name',
          'standing',
        ],
        rows,
      );
      return csvResponse(
        csv,
        `pacer-leaderboard-${fileSafe(board.team.name)}-${board.period.kind}-${board.period.start}.csv`,
      );
    },
  )
  .get(
    '/events.csv',
    documented({
      summary: "Every event of a team's subtree between two dates (at most a year), as CSV",
      auth: 'manager',
      responses: { 200: 'text/csv' },
    }),
    validate('query', EventsExportQuery),
    async (c) => {
      const q = c.req.valid('query');
      const caller = c.var.caller;
      const db = c.var.db;
      const teams = await loadTeams(db, caller.org.id);
      const team = managedTeamOr403(caller, teams, q.team ?? caller.member.teamId);
      const below = subtreeIds(teams, team.id);
      const teamName = new Map(teams.map((t) => [t.id, t.name]));
      // Removed members' events still count in past periods, so they are exported too.
      const people = (
        await db.select().from(members).where(eq(members.orgId, caller.org.id)).all()
      ).filter((m) => below.has(m.teamId));
      const byId = new Map(people.map((m) => [m.id, m]));
      // Cost: every event of the org in the range (rows read = events logged in those days).
      const rows = await db
        .select()
        .from(events)
        .where(and(eq(events.orgId, caller.org.id), between(events.localDate, q.from, q.to)))
        .orderBy(asc(events.occurredAt))
        .limit(MAX_EXPORT_EVENTS + 1)
        .all();
      if (rows.length > MAX_EXPORT_EVENTS) {
        throw new ApiError(413, 'payload_too_large', 'too many events: export a shorter range');
      }
      const lines = rows.flatMap((e) => {
        const member = byId.get(e.memberId);
        if (!member) return [];
        const column = columnOf(caller.settings, e.metric);
        const details = EventDetails.safeParse(JSON.parse(e.details));
        const d = details.success ? details.data : {};
        return [
          [
            e.id,
            member.name,
            member.email,
            teamName.get(member.teamId) ?? '',
            e.metric,
            column.cell(e.quantity),
            column.currency,
            e.occurredAt,
            e.localDate,
            e.evidence,
            e.voided,
            d.source?.app,
            d.source?.url,
            d.contact?.name,
            d.contact?.email,
            d.note,
            // A won deal's value (one event, counted for both metrics: shared/domain/lines.ts).
            e.amountMetric ?? '',
            e.amountMetric && e.amount !== null
              ? columnOf(caller.settings, e.amountMetric).cell(e.amount)
              : '',
            d.deal,
            e.category ?? '',
          ],
        ];
      });
      const csv = toCsv(
        [
          'event_id',
          'member',
          'email',
          'team',
          'metric',
          'quantity',
          'currency',
          'occurred_at',
          'local_date',
          'evidence',
          'voided',
          'source_app',
          'source_url',
          'contact_name',
          'contact_email',
          'note',
          'amount_metric',
          'amount',
          'deal_event_id',
          'category',
        ],
        lines,
      );
      return csvResponse(csv, `pacer-events-${fileSafe(team.name)}-${q.from}-${q.to}.csv`);
    },
  );
