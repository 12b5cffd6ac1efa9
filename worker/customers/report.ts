/**
 * The managers' customer report: per rep of a team's subtree, customers by class with the
 * overdue ones and those followed up this period. Cost: the reps' customer rows and their
 * metric rows (never events).
 */
import type { CustomerClass, CustomerReportResponse } from '../../shared/api/index.ts';
import { coveredThisPeriod, customerSettingsOf } from '../../shared/domain/customers.ts';
import { localDateOf } from '../../shared/domain/dates.ts';
import type { Caller, MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { customersOf, customerView, withFollowUps } from './queries.ts';

type Reps = CustomerReportResponse['reps'];

export async function customerReport(
  db: Db,
  caller: Caller,
  reps: MemberRow[],
  now: Date = new Date(),
): Promise<CustomerReportResponse> {
  const rules = customerSettingsOf(caller.settings);
  const out: Reps = [];
  const all = await withFollowUps(
    db,
    await customersOf(
      db,
      caller.org.id,
      reps.map((r) => r.id),
    ),
    caller.settings,
  );
  const byOwner = new Map<string, typeof all>();
  for (const c of all) {
    const list = byOwner.get(c.row.ownerId);
    if (list) list.push(c);
    else byOwner.set(c.row.ownerId, [c]);
  }
  for (const rep of reps) {
    const today = localDateOf(now, rep.timezone);
    const classes = {
      A: { customers: 0, overdue: 0, covered: 0 },
      B: { customers: 0, overdue: 0, covered: 0 },
      C: { customers: 0, overdue: 0, covered: 0 },
    } satisfies Record<CustomerClass, unknown>;
    let unclassified = 0;
    for (const customer of byOwner.get(rep.id) ?? []) {
      const view = customerView(customer, today, caller.settings);
      if (view.class === null) {
        unclassified++;
        continue;
      }
      const counts = classes[view.class];
      counts.customers++;
      if (view.due.state === 'overdue') counts.overdue++;
      if (
        coveredThisPeriod(view.class, view.due.lastContact, today, rules, caller.settings.calendar)
      ) {
        counts.covered++;
      }
    }
    out.push({ memberId: rep.id, name: rep.name, classes, unclassified });
  }
  out.sort((a, b) => a.name.localeCompare(b.name));
  return { today: localDateOf(now, caller.settings.calendar.timezone), reps: out };
}
