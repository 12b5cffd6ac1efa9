/**
 * `/api/v1/chat/channels`: a manager's team chat channels. The webhook URL and signing secret are
 * accepted only for the platform's official hosts (a development setting adds localhost), stored
 * encrypted, and never answered back. `POST /:id/test` queues a test message.
 */
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  ChatChannelResponse,
  ChatChannelsQuery,
  ChatChannelsResponse,
  ChatTestResponse,
  CreateChatChannelRequest,
  Id,
  UpdateChatChannelRequest,
  webhookUrlProblem,
} from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { chatChannels, chatSchedules } from '../db/schema.ts';
import { managedTeamOr403 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { newId } from '../sessions/crypto.ts';
import { loadTeams, managedTeamIds } from '../teams/queries.ts';
import { testMessage } from './compose.ts';
import { allowsLoopback } from './delivery.ts';
import { stage } from './outbox.ts';
import {
  type ChannelRow,
  channelView,
  findChannel,
  loadChannels,
  scheduleStatements,
} from './queries.ts';
import { chatKey, seal, urlHint } from './secrets.ts';

const unconfigured = () =>
  new ApiError(409, 'chat_unconfigured', 'chat channels need the CHAT_SECRET_KEY worker secret');

const refusedUrl = (message: string) =>
  new ApiError(400, 'validation_failed', 'invalid body', [
    { path: 'webhookUrl', code: 'custom', message },
  ]);

export const chatRoutes = new Hono<AppEnv>()
  .use(requireMember, requireManager)
  .get(
    '/',
    documented({
      summary: 'Team chat channels of the teams you manage (never their webhook URL or secret)',
      auth: 'manager',
      responses: { 200: ChatChannelsResponse },
    }),
    validate('query', ChatChannelsQuery),
    async (c) => {
      const caller = c.var.caller;
      const { team } = c.req.valid('query');
      const teams = await loadTeams(c.var.db, caller.org.id);
      const managed = managedTeamIds(caller, teams);
      if (team) managedTeamOr403(caller, teams, team);
      const rows = (await loadChannels(c.var.db, caller.org.id)).filter((r) =>
        team ? r.teamId === team : managed.has(r.teamId),
      );
      rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      return c.json({ channels: rows.map(channelView) }, 200);
    },
  )
  .post(
    '/',
    documented({
      summary:
        "Add a team chat channel (企业微信, 钉钉, 飞书/Lark, Slack, Teams) on the platform's official webhook host",
      auth: 'manager',
      responses: { 201: ChatChannelResponse },
    }),
    validate('json', CreateChatChannelRequest),
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const body = c.req.valid('json');
      managedTeamOr403(caller, await loadTeams(db, caller.org.id), body.teamId);
      const problem = webhookUrlProblem(body.platform, body.webhookUrl, allowsLoopback(c.env));
      if (problem) throw refusedUrl(problem);
      const key = await chatKey(c.env.CHAT_SECRET_KEY);
      if (!key) throw unconfigured();
      const id = newId();
      const now = new Date();
      const row: ChannelRow = {
        id,
        orgId: caller.org.id,
        teamId: body.teamId,
        platform: body.platform,
        name: body.name,
        language: body.language,
        timezone: body.timezone ?? caller.settings.calendar.timezone,
        urlCipher: await seal(key, body.webhookUrl, id),
        urlHint: urlHint(body.webhookUrl),
        secretCipher: body.signingSecret ? await seal(key, body.signingSecret, id) : null,
        options: JSON.stringify(body.options),
        failures: 0,
        pausedAt: null,
        lastError: null,
        lastSentAt: null,
        windowStart: 0,
        windowCount: 0,
        createdAt: now.toISOString(),
      };
      await db.batch([
        db.insert(chatChannels).values(row),
        ...scheduleStatements(db, row, caller.settings, now),
      ]);
      return c.json({ channel: channelView(row) }, 201);
    },
  )
  .patch(
    '/:id',
    documented({
      summary: 'Change a chat channel: what it posts and when, its webhook; pause or resume it',
      auth: 'manager',
      responses: { 200: ChatChannelResponse },
    }),
    validate('param', z.object({ id: Id })),
    validate('json', UpdateChatChannelRequest),
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const before = await channelOr404(c.var.db, caller.org.id, c.req.valid('param').id);
      managedTeamOr403(caller, await loadTeams(db, caller.org.id), before.teamId);
      const change = c.req.valid('json');
      const now = new Date();
      const row: ChannelRow = { ...before };
      if (change.name !== undefined) row.name = change.name;
      if (change.language !== undefined) row.language = change.language;
      if (change.timezone !== undefined) row.timezone = change.timezone;
      if (change.options !== undefined) row.options = JSON.stringify(change.options);
      if (change.paused === true && !row.pausedAt) row.pausedAt = now.toISOString();
      if (change.paused === false) {
        row.pausedAt = null;
        row.failures = 0;
      }
      if (change.webhookUrl !== undefined || change.signingSecret !== undefined) {
        const key = await chatKey(c.env.CHAT_SECRET_KEY);
        if (!key) throw unconfigured();
        if (change.webhookUrl !== undefined) {
          const problem = webhookUrlProblem(row.platform, change.webhookUrl, allowsLoopback(c.env));
          if (problem) throw refusedUrl(problem);
          row.urlCipher = await seal(key, change.webhookUrl, row.id);
          row.urlHint = urlHint(change.webhookUrl);
        }
        if (change.signingSecret === null) row.secretCipher = null;
        else if (change.signingSecret !== undefined) {
          if (row.platform !== 'dingtalk' && row.platform !== 'feishu') {
            throw new ApiError(400, 'validation_failed', 'invalid body', [
              {
                path: 'signingSecret',
                code: 'custom',
                message: 'only 钉钉 and 飞书 robots are signed',
              },
            ]);
          }
          row.secretCipher = await seal(key, change.signingSecret, row.id);
        }
      }
      const { id, ...fields } = row;
      await db.batch([
        db.update(chatChannels).set(fields).where(eq(chatChannels.id, id)),
        ...scheduleStatements(db, row, caller.settings, now),
      ]);
      return c.json({ channel: channelView(row) }, 200);
    },
  )
  .delete(
    '/:id',
    documented({ summary: 'Remove a chat channel', auth: 'manager', responses: { 204: null } }),
    validate('param', z.object({ id: Id })),
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const row = await channelOr404(db, caller.org.id, c.req.valid('param').id);
      managedTeamOr403(caller, await loadTeams(db, caller.org.id), row.teamId);
      // Messages still queued for it are dropped by the consumer (the channel is gone).
      await db.batch([
        db.delete(chatSchedules).where(eq(chatSchedules.channelId, row.id)),
        db.delete(chatChannels).where(eq(chatChannels.id, row.id)),
      ]);
      return c.body(null, 204);
    },
  )
  .post(
    '/:id/test',
    documented({
      summary: 'Queue a test message to the channel',
      auth: 'manager',
      responses: { 202: ChatTestResponse },
    }),
    validate('param', z.object({ id: Id })),
    async (c) => {
      const caller = c.var.caller;
      const db = c.var.db;
      const row = await channelOr404(db, caller.org.id, c.req.valid('param').id);
      managedTeamOr403(caller, await loadTeams(db, caller.org.id), row.teamId);
      const key = `test:${row.id}:${newId()}`;
      await stage(
        db,
        c.env,
        [{ key, channelId: row.id, kind: 'test', message: testMessage(row.name, row.language) }],
        new Date(),
      );
      return c.json({ key }, 202);
    },
  );

async function channelOr404(db: Parameters<typeof findChannel>[0], orgId: string, id: string) {
  const row = await findChannel(db, orgId, id);
  if (!row) throw notFound('chat channel');
  return row;
}
