/**
 * The managers' customer report: per rep of a team's subtree, customers by class with the
 * overdue ones and those followed up this period, by the same rules as each customer's view
 * (customerDue, shared/domain/customers.ts). Cost: the reps' customer rows and the classified
 * ones' follow-up metric rows (never events); only the columns the due state needs are read.
 */
import type { CustomerClass, CustomerReportResponse } from '../../shared/api/index.ts';
import {
  coveredThisPeriod,
  customerDue,
  customerSettingsOf,
  lastFollowUp,
} from '../../shared/domain/customers.ts';
import { localDateOf } from '../../shared/domain/dates.ts';
import type { Caller, MemberRow } from '../context.ts';
import type { Db } from '../db/client.ts';
import { dueInputsOf, withFollowUps } from './queries.ts';

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
    await dueInputsOf(
      db,
      caller.org.id,
      reps.map((r) => r.id),
      rules.followUpMetrics,
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
    for (const { row, metrics, followUps } of byOwner.get(rep.id) ?? []) {
      if (row.class === null) {
        unclassified++;
        continue;
      }
      const due = customerDue({
        class: row.class,
        last: lastFollowUp(metrics, rules.followUpMetrics),
        followUps,
        since: row.since,
        today,
        settings: rules,
        cal: caller.settings.calendar,
      });
      const counts = classes[row.class];
      counts.customers++;
      if (due.state === 'overdue') counts.overdue++;
      if (coveredThisPeriod(row.class, due.lastContact, today, rules, caller.settings.calendar)) {
        counts.covered++;
      }
    }
    out.push({ memberId: rep.id, name: rep.name, classes, unclassified });
  }
  out.sort((a, b) => a.name.localeCompare(b.name));
  return { today: localDateOf(now, caller.settings.calendar.timezone), reps: out };
}
