import type { LocalDate } from '../api/index.ts';

// Customer KPIs of a rep over a period P, with Q the period of the same kind just before it. A
// purchase is a won deal linked to a customer (shared/domain/customers.ts); a customer is
// counted once per period however often they bought in it. The parts, each a count of distinct
// customers (so a team's is its reps' added up: a customer belongs to one rep):
// - new_customers: their first purchase ever falls in P (新客户);
// - existing_customers: their first purchase was before P (老客户) — these two are the segment
//   rule of shared/domain/breakdown.ts (firstDealRange), which the SQL counting them is built from;
// - returning_customers: existing customers who bought in P (复购);
// - previous_buyers: bought in Q;
// - retained_customers: bought in Q and again in P (保持).
// Repeat purchase rate = returning / existing; retention rate = retained / previous buyers
// (shared/domain/ratios.ts divides them).

export const CUSTOMER_PARTS = [
  'new_customers',
  'existing_customers',
  'returning_customers',
  'previous_buyers',
  'retained_customers',
] as const;
export type CustomerPart = (typeof CUSTOMER_PARTS)[number];

export type CustomerPurchaseInput = {
  /** Each (customer, day) with a purchase in Q or P, in any order; repeats are harmless. */
  purchases: readonly { customerId: string; localDate: LocalDate }[];
  /** Customers whose first purchase falls in P. */
  newInPeriod: number;
  /** Customers whose first purchase was before P. */
  existingBefore: number;
  period: { start: LocalDate; end: LocalDate };
  previous: { start: LocalDate; end: LocalDate };
};

export function customerParts(input: CustomerPurchaseInput): Record<CustomerPart, number> {
  const inPeriod = new Set<string>();
  const inPrevious = new Set<string>();
  const { period, previous } = input;
  for (const p of input.purchases) {
    if (p.localDate >= period.start && p.localDate <= period.end) inPeriod.add(p.customerId);
    if (p.localDate >= previous.start && p.localDate <= previous.end) inPrevious.add(p.customerId);
  }
  let retained = 0;
  for (const id of inPrevious) if (inPeriod.has(id)) retained++;
  return {
    new_customers: input.newInPeriod,
    existing_customers: input.existingBefore,
    // Whoever bought in P is new (first purchase in P) or existing (first before P).
    returning_customers: Math.max(0, inPeriod.size - input.newInPeriod),
    previous_buyers: inPrevious.size,
    retained_customers: retained,
  };
}
