// The longest text the API takes in each free-text field of a log, in UTF-16 code units (what
// JavaScript's `length` counts). The contract (events.ts) enforces them; the site adapters and
// the manual-log form cut what they read from a page to them, so a long subject or name is
// shortened instead of making the log invalid. Plain numbers, no zod: content scripts import
// this file without pulling the contract's schemas into their bundle.
export const FIELD_LIMITS = Object.freeze({
  /** The app a log was made in ("gmail", "salesforce"). */
  sourceApp: 40,
  /** The thread or record a log was made from: its evidence. */
  sourceUrl: 2048,
  /** The thread's subject or the record's title. */
  sourceTitle: 300,
  contactName: 200,
  /** RFC 5321's longest address. */
  contactEmail: 254,
  note: 500,
});

// Numeric bounds of the contract. Every number a client sends is bounded here or next to its
// field, far inside what doubles count exactly (Number.MAX_SAFE_INTEGER ≈ 9.007e15), so sums over
// a year and a team stay exact and no rule ever meets Infinity.

/** The largest target value and amount (minor units: 10^13 currency units at 2 decimals). */
export const MAX_AMOUNT = 1_000_000_000_000_000;

/** The largest quantity of one event (a day's total is capped lower: {@link DAILY_TOTAL_CAP}). */
export const MAX_EVENT_QUANTITY = 1_000_000_000_000;

/** The largest relative weight of a member in a team target's split (weights are relative). */
export const MAX_SPLIT_WEIGHT = 1_000_000;

/**
 * The most one member may log of one metric on one day, by metric kind. An event that would
 * take the day's total past it is refused on its own (`daily_limit`), so totals stay exact:
 * 100,000 activities a day is far past any human pace, and 10^11 minor units (a billion in
 * currency units) a day is past any deal; even a year of a thousand-member team at these caps
 * stays below 2^53 for counts.
 */
export const DAILY_TOTAL_CAP = Object.freeze({ count: 100_000, amount: 100_000_000_000 });
