/**
 * Customers (`/api/v1/customers`): the caller's due list, the customer of the thread or record on
 * screen, a customer's logs, rename / class, merge and split; and for managers the per-rep report
 * and its CSV. A customer is seen by its owner and the managers of the owner's team only
 * (worker/customers/service.ts), in every privacy mode.
 */

import { Hono } from 'hono';
import { z } from 'zod';
import {
  CustomerLogsResponse,
  CustomerLookupQuery,
  CustomerLookupResponse,
  CustomerReportQuery,
  CustomerReportResponse,
  CustomerResponse,
  CustomersQuery,
  CustomersResponse,
  DueCustomersQuery,
  DueCustomersResponse,
  Id,
  MergeCustomersRequest,
  PatchCustomerRequest,
  SplitCustomerRequest,
  SplitCustomerResponse,
} from '../../shared/api/index.ts';
import { byUrgency, customerIdentity, customerSettingsOf } from '../../shared/domain/customers.ts';
import { localDateOf } from '../../shared/domain/dates.ts';
import { subtreeIds } from '../../shared/domain/teams.ts';
import type { AppEnv, Caller } from '../context.ts';
import type { Db } from '../db/client.ts';
import { csvResponse, toCsv } from '../exports/csv.ts';
import { managedTeamOr403 } from '../http/access.ts';
import { requireManager, requireMember } from '../http/auth.ts';
import { validate } from '../http/validate.ts';
import { loadActiveMembers } from '../members/queries.ts';
import { documented } from '../openapi/describe.ts';
import { firstDealOf } from '../segment-targets/queries.ts';
import { loadTeams } from '../teams/queries.ts';
import {
  customerByKey,
  customerLogs,
  customersOf,
  customerView,
  findCustomer,
  withFollowUps,
} from './queries.ts';
import { customerReport } from './report.ts';
import {
  mergeCustomers,
  patchCustomer,
  splitCustomer,
  visibleCustomer,
  visibleOwner,
} from './service.ts';

const IdParam = z.object({ id: Id });

/** The rules a client needs to apply its own new logs the same way. */
const rulesOf = (caller: Caller) => ({
  customers: customerSettingsOf(caller.settings),
  calendar: caller.settings.calendar,
});
const LOGS_SHOWN = 200;

/** A customer as its owner sees it today. Cost: one customer and its rollup rows. */
async function viewOf(db: Db, caller: Caller, id: string, ownerTimezone: string) {
  const found = await findCustomer(db, caller.org.id, id);
  if (!found) throw new Error(`customer ${id} vanished`);
  await withFollowUps(db, [found], caller.settings);
  return customerView(found, localDateOf(new Date(), ownerTimezone), caller.settings);
}

/** The reps of a team's subtree the caller manages. Cost: the org's teams and members. */
async function teamReps(db: Db, caller: Caller, teamId: string) {
  const teams = await loadTeams(db, caller.org.id);
  const team = managedTeamOr403(caller, teams, teamId);
  const below = subtreeIds(teams, team.id);
  const members = await loadActiveMembers(db, caller.org.id);
  return { team, reps: members.filter((m) => below.has(m.teamId)) };
}

export const customersRoutes = new Hono<AppEnv>()
  .use(requireMember)
  .get(
    '/',
    documented({
      summary: 'All customers of the caller (or of a managed rep), by name',
      auth: 'member',
      responses: { 200: CustomersResponse },
    }),
    validate('query', CustomersQuery),
    async (c) => {
      const { caller, db } = c.var;
      const owner = await visibleOwner(db, caller, c.req.valid('query').member ?? caller.member.id);
      const today = localDateOf(new Date(), owner.timezone);
      const rows = await withFollowUps(
        db,
        await customersOf(db, caller.org.id, [owner.id], { keys: true }),
        caller.settings,
      );
      const customers = rows
        .map((r) => customerView(r, today, caller.settings))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      return c.json({ today, customers }, 200);
    },
  )
  .get(
    '/due',
    documented({
      summary: "Customers due or overdue for a follow-up today (the caller's, or a managed rep's)",
      auth: 'member',
      responses: { 200: DueCustomersResponse },
    }),
    validate('query', DueCustomersQuery),
    async (c) => {
      const { caller, db } = c.var;
      const owner = await visibleOwner(db, caller, c.req.valid('query').member ?? caller.member.id);
      const today = localDateOf(new Date(), owner.timezone);
      const rows = await withFollowUps(
        db,
        await customersOf(db, caller.org.id, [owner.id], { classified: true, keys: true }),
        caller.settings,
      );
      const customers = rows
        .map((r) => customerView(r, today, caller.settings))
        .filter((v) => v.due.state === 'due' || v.due.state === 'overdue')
        .sort(byUrgency);
      return c.json({ today, customers, rules: rulesOf(caller) }, 200);
    },
  )
  .get(
    '/lookup',
    documented({
      summary: 'Your customer named by a thread or record (its link, contact email or name)',
      auth: 'member',
      responses: { 200: CustomerLookupResponse },
    }),
    validate('query', CustomerLookupQuery),
    async (c) => {
      const { caller, db } = c.var;
      const q = c.req.valid('query');
      const identity = customerIdentity({ url: q.url, email: q.email, name: q.name });
      if (!identity) return c.json({ key: null, customer: null, rules: rulesOf(caller) }, 200);
      const found = await customerByKey(db, caller.org.id, caller.member.id, identity.key);
      const [, firstDeal] = await Promise.all([
        found ? withFollowUps(db, [found], caller.settings) : null,
        found ? firstDealOf(db, found.row.id) : null,
      ]);
      const today = localDateOf(new Date(), caller.member.timezone);
      return c.json(
        {
          key: identity.key,
          customer: found ? customerView(found, today, caller.settings) : null,
          rules: rulesOf(caller),
          firstDeal,
        },
        200,
      );
    },
  )
  .get(
    '/report',
    documented({
      summary:
        'Per rep of a managed team: customers by class, overdue ones, A/B/C covered this period',
      auth: 'manager',
      responses: { 200: CustomerReportResponse },
    }),
    requireManager,
    validate('query', CustomerReportQuery),
    async (c) => {
      const { caller, db } = c.var;
      const { reps } = await teamReps(db, caller, c.req.valid('query').team);
      return c.json(await customerReport(db, caller, reps), 200);
    },
  )
  .get(
    '/report.csv',
    documented({
      summary: 'The customer report as CSV',
      auth: 'manager',
      responses: { 200: 'text/csv' },
    }),
    requireManager,
    validate('query', CustomerReportQuery),
    async (c) => {
      const { caller, db } = c.var;
      const { team, reps } = await teamReps(db, caller, c.req.valid('query').team);
      const report = await customerReport(db, caller, reps);
      const rows = report.reps.map((r) => [
        r.name,
        r.memberId,
        ...(['A', 'B', 'C'] as const).flatMap((k) => [
          r.classes[k].customers,
          r.classes[k].overdue,
          r.classes[k].covered,
        ]),
        r.unclassified,
      ]);
      const header = [
        'member',
        'member_id',
        ...['a', 'b', 'c'].flatMap((k) => [`${k}_customers`, `${k}_overdue`, `${k}_covered`]),
        'unclassified',
      ];
      const safe = team.name.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40);
      return csvResponse(toCsv(header, rows), `pacer-customers-${safe}-${report.today}.csv`);
    },
  )
  .get(
    '/:id/logs',
    documented({
      summary: "A customer's latest logs (up to 200), newest first",
      auth: 'member',
      responses: { 200: CustomerLogsResponse },
    }),
    validate('param', IdParam),
    async (c) => {
      const { caller, db } = c.var;
      const { customer } = await visibleCustomer(db, caller, c.req.valid('param').id);
      const logs = await customerLogs(db, customer.row.id, LOGS_SHOWN);
      return c.json(
        {
          logs: logs.map(({ details, ...log }) => {
            const parsed = JSON.parse(details) as { source?: { title?: string } };
            return { ...log, title: parsed.source?.title ?? null };
          }),
        },
        200,
      );
    },
  )
  .patch(
    '/:id',
    documented({
      summary: "Rename a customer or change its class (the owner or the owner's manager)",
      auth: 'member',
      responses: { 200: CustomerResponse },
    }),
    validate('param', IdParam),
    validate('json', PatchCustomerRequest),
    async (c) => {
      const { caller, db } = c.var;
      const { customer, owner } = await visibleCustomer(db, caller, c.req.valid('param').id);
      await patchCustomer(db, customer.row.id, c.req.valid('json'));
      return c.json({ customer: await viewOf(db, caller, customer.row.id, owner.timezone) }, 200);
    },
  )
  .post(
    '/:id/merge',
    documented({
      summary: 'Merge customers of the same owner into this one; their logs follow',
      auth: 'member',
      responses: { 200: CustomerResponse },
    }),
    validate('param', IdParam),
    validate('json', MergeCustomersRequest),
    async (c) => {
      const { caller, db } = c.var;
      const { customer, owner } = await visibleCustomer(db, caller, c.req.valid('param').id);
      await mergeCustomers(db, customer, c.req.valid('json').from);
      return c.json({ customer: await viewOf(db, caller, customer.row.id, owner.timezone) }, 200);
    },
  )
  .post(
    '/:id/split',
    documented({
      summary: 'Move chosen logs of this customer to a new customer',
      auth: 'member',
      responses: { 200: SplitCustomerResponse },
    }),
    validate('param', IdParam),
    validate('json', SplitCustomerRequest),
    async (c) => {
      const { caller, db } = c.var;
      const { customer, owner } = await visibleCustomer(db, caller, c.req.valid('param').id);
      const body = c.req.valid('json');
      const created = await splitCustomer(db, customer, body.events, body.name);
      return c.json(
        {
          customer: await viewOf(db, caller, customer.row.id, owner.timezone),
          created: await viewOf(db, caller, created, owner.timezone),
        },
        200,
      );
    },
  );
