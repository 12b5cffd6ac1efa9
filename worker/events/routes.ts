/** `POST /api/v1/events` (1–500 events, one result each) and `POST /api/v1/events/:id/void`. */
import { Hono } from 'hono';
import { z } from 'zod';
import { PostEventsRequest, Uuid } from '../../shared/api/index.ts';
import type { AppEnv } from '../context.ts';
import { requireMember } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import { ingestEvents, voidEvent } from './ingest.ts';

export const eventsRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .post('/', validate('json', PostEventsRequest), async (c) => {
    const { events } = c.req.valid('json');
    const { member } = c.var.caller;
    const results = await ingestEvents(c.var.db, c.env.DB, member, c.var.caller.settings, events);
    return c.json({ results }, 200);
  })
  .post('/:id/void', validate('param', z.object({ id: Uuid })), async (c) => {
    const { id } = c.req.valid('param');
    const outcome = await voidEvent(c.var.db, c.var.caller.member, id);
    // Another member's event answers exactly like an unknown id: nothing confirms it exists.
    if (outcome === 'not_found') throw notFound('event');
    return c.json({ id, voided: true as const }, 200);
  });
