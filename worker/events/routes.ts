/** `POST /api/v1/events` (1–500 events, one result each) and `POST /api/v1/events/:id/void`. */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  PostEventsRequest,
  PostEventsResponse,
  Uuid,
  VoidEventResponse,
} from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { requireMember } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { ingestEvents, voidEvent } from './ingest.ts';

export const eventsRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .post(
    '/',
    documented({
      summary: 'Log 1–500 events; each is answered created, duplicate or rejected',
      auth: 'member',
      responses: { 200: PostEventsResponse },
    }),
    validate('json', PostEventsRequest),
    async (c) => {
      const { events } = c.req.valid('json');
      const { member } = c.var.caller;
      const results = await ingestEvents(c.var.db, c.env.DB, member, c.var.caller.settings, events);
      return c.json({ results }, 200);
    },
  )
  .post(
    '/:id/void',
    documented({
      summary: 'Undo one of your events (idempotent)',
      auth: 'member',
      responses: { 200: VoidEventResponse },
    }),
    validate('param', z.object({ id: Uuid })),
    async (c) => {
      const { id } = c.req.valid('param');
      const outcome = await voidEvent(c.var.db, c.var.caller.member, id);
      // Another member's event answers exactly like an unknown id: nothing confirms it exists.
      if (outcome === 'not_found') throw notFound('event');
      return c.json({ id, voided: true as const }, 200);
    },
  );
