/**
 * `POST /api/v1/events` (1–500 events, one result each), `POST /api/v1/events/:id/void` and
 * `PATCH /api/v1/events/:id/category` (a won deal's category, by its rep or their manager).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import {
  EventCategoryRequest,
  EventCategoryResponse,
  PostEventsRequest,
  PostEventsResponse,
  Uuid,
  VoidEventResponse,
} from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { requireMember } from '../http/auth.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { documented } from '../openapi/describe.ts';
import { setDealCategory } from './category.ts';
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
  )
  .patch(
    '/:id/category',
    documented({
      summary:
        "Change a won deal's product category (its rep, or a manager of the rep's team); null removes it",
      auth: 'member',
      responses: { 200: EventCategoryResponse },
    }),
    validate('param', z.object({ id: Uuid })),
    validate('json', EventCategoryRequest),
    async (c) => {
      const { id } = c.req.valid('param');
      const outcome = await setDealCategory(
        c.var.db,
        c.var.caller,
        id,
        c.req.valid('json').category,
      );
      switch (outcome.status) {
        case 'not_found':
          throw notFound('event');
        case 'not_a_deal':
          throw badRequest('only a won deal (a deals log) carries a category');
        case 'undone':
          throw conflict('this deal was undone: its category can no longer change');
        case 'unknown_category':
          throw badRequest("category: not one of this team's product categories");
        case 'changed':
          return c.json({ id, category: outcome.category }, 200);
      }
    },
  );
